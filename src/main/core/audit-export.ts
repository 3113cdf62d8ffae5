/**
 * Streams the filtered audit log into a CSV file: rows are read from SQLite in chunks and written
 * with backpressure, into a temporary file renamed into place at the end, so a failure never leaves
 * a half-written export under the operator's chosen name.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { AppError } from '../../shared/errors';
import type { AuditFilter, Store } from './store';

const COLUMNS = ['id', 'time', 'actor', 'action', 'user_id', 'outcome', 'error', 'params'];

export async function exportAuditCsv(store: Store, filter: AuditFilter, filePath: string): Promise<number> {
  const temp = `${filePath}.partial-${process.pid}`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  const csv = stringify({ header: true, columns: COLUMNS });
  csv.pipe(out);
  let rows = 0;
  try {
    for (const e of store.audit.iterate(filter)) {
      const ok = csv.write([e.id, e.time, e.actor, e.action, e.userId ?? '', e.outcome, e.error ?? '', JSON.stringify(e.params)]);
      rows += 1;
      if (!ok) await once(csv, 'drain');
    }
    csv.end();
    await once(out, 'finish');
    await rename(temp, filePath);
    return rows;
  } catch (err) {
    csv.destroy();
    out.destroy();
    await rm(temp, { force: true });
    throw new AppError('STORE_ERROR', `Could not write the audit export to ${filePath}: ${(err as Error).message}`, { cause: err });
  }
}
