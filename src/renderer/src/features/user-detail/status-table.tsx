import type { UserStatus } from '../../../../shared/domain';
import { DATA_TYPES } from '../../../../shared/domain';
import { StateChip } from '../../components/badges';
import { TYPE_LABEL, formatAgo, formatCount, formatTime } from '../../lib/format';

/** Per type: state and PostgreSQL vs Weaviate counts, mismatches marked. */
export function StatusTable({ status }: { status: UserStatus }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Status per type">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              PostgreSQL
            </th>
            <th scope="col" className="num">
              Expected in Weaviate
            </th>
            <th scope="col" className="num">
              Weaviate
            </th>
            <th scope="col">Last synced</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {DATA_TYPES.map((t) => {
            const s = status.types[t];
            const mismatch = s.weaviateCount !== null && s.weaviateCount !== s.expectedCount;
            return (
              <tr key={t} data-type={t}>
                <th scope="row">{TYPE_LABEL[t]}</th>
                <td>
                  <StateChip state={s.state} />
                </td>
                <td className="num">{formatCount(s.postgresCount)}</td>
                <td className="num">{formatCount(s.expectedCount)}</td>
                <td className={`num${mismatch ? ' error-text' : ''}`}>{formatCount(s.weaviateCount)}</td>
                <td title={formatTime(s.lastSyncedAt)}>{formatAgo(s.lastSyncedAt)}</td>
                <td className="small error-text">{s.lastError ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
