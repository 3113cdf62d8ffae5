import type { CollectionAction, SchemaInitReport } from '../../../../shared/domain';

const ACTION_LABEL: Record<CollectionAction, string> = {
  created: 'created',
  'up-to-date': 'up to date',
  'properties-added': 'properties added',
  conflicts: 'conflicts',
};
const ACTION_TONE: Record<CollectionAction, string> = {
  created: 'tone-ok',
  'up-to-date': 'tone-muted',
  'properties-added': 'tone-info',
  conflicts: 'tone-bad',
};

export function InitReport({ report }: { report: SchemaInitReport }) {
  return (
    <section className="card" aria-labelledby="init-report-heading">
      <h2 id="init-report-heading">Initialization report</h2>
      <table className="table" aria-label="Initialization report">
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Result</th>
            <th scope="col">Properties added</th>
            <th scope="col">Conflicts</th>
          </tr>
        </thead>
        <tbody>
          {report.collections.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.name}</th>
              <td>
                <span className={`badge ${ACTION_TONE[c.action]}`}>{ACTION_LABEL[c.action]}</span>
              </td>
              <td className="mono small">{c.propertiesAdded.join(', ') || '—'}</td>
              <td className="small error-text">
                {c.conflicts.map((x) => `${x.property}: expected ${x.expected}, found ${x.actual}`).join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
