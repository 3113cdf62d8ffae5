import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry, AuditOutcome } from '../../../shared/domain';
import { listAuditInput, type ListAuditInput } from '../../../shared/api-inputs';
import { AppError } from '../../../shared/errors';
import { parseInput } from './input';
import { scrubParams, scrubText } from './scrub-params';
import type { AuditFilter, AuditRepo, NewAuditEntry } from './store-types';
import { toIsoUtc } from './time';

interface AuditRow {
  id: number;
  time: string;
  actor: string;
  action: string;
  user_id: string | null;
  params: string;
  outcome: AuditOutcome;
  error: string | null;
}

const COLUMNS = 'id, time, actor, action, user_id, params, outcome, error';
/** Rows per query while iterating: small enough to keep memory flat, large enough to be quick. */
const CHUNK = 500;

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    time: r.time,
    actor: r.actor,
    action: r.action,
    userId: r.user_id,
    params: JSON.parse(r.params) as Record<string, unknown>,
    outcome: r.outcome,
    error: r.error,
  };
}

function whereOf(f: AuditFilter): { clauses: string[]; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (f.actor) (clauses.push('actor = @actor'), (params.actor = f.actor));
  if (f.action) (clauses.push('action = @action'), (params.action = f.action));
  if (f.userId !== undefined) (clauses.push('user_id = @userId'), (params.userId = f.userId));
  if (f.outcome !== undefined) (clauses.push('outcome = @outcome'), (params.outcome = f.outcome));
  if (f.from !== undefined) (clauses.push('time >= @from'), (params.from = toIsoUtc(f.from, 'from')));
  if (f.to !== undefined) (clauses.push('time <= @to'), (params.to = toIsoUtc(f.to, 'to')));
  return { clauses, params };
}

const MAX_ERROR_CHARS = 4000;
const clipError = (text: string | null) =>
  text !== null && text.length > MAX_ERROR_CHARS ? text.slice(0, MAX_ERROR_CHARS) + '… (cut)' : text;

const sqlWhere = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

export function createAuditRepo(db: Database, now: () => Date): AuditRepo {
  const insert = db.prepare(
    `INSERT INTO audit_log (time, actor, action, user_id, params, outcome, error)
     VALUES (@time, @actor, @action, @userId, @params, @outcome, @error) RETURNING ${COLUMNS}`,
  );

  // One statement per filter combination, prepared once.
  const statements = new Map<string, Statement>();
  const cached = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  return {
    record(e: NewAuditEntry) {
      if (e.outcome !== 'ok' && e.outcome !== 'error') {
        throw new AppError('VALIDATION', `audit outcome is "ok" or "error" (got ${String(e.outcome)})`);
      }
      const actor = e.actor?.trim();
      const action = e.action?.trim();
      if (!actor) throw new AppError('VALIDATION', 'an audit entry needs an actor (who did it)');
      if (!action) throw new AppError('VALIDATION', 'an audit entry needs an action (what was done)');
      const row = insert.get({
        time: e.time === undefined ? now().toISOString() : toIsoUtc(e.time, 'audit time'),
        actor,
        action,
        userId: e.userId ?? null,
        params: JSON.stringify(scrubParams(e.params)),
        outcome: e.outcome,
        error: clipError(scrubText(e.error ?? null)),
      }) as AuditRow;
      return toEntry(row);
    },

    list(filter: ListAuditInput) {
      const f = parseInput(listAuditInput, filter, 'audit filter');
      const { clauses, params } = whereOf(f);
      const where = sqlWhere(clauses);
      const total = cached(`SELECT COUNT(*) FROM audit_log ${where}`).pluck().get(params) as number;
      const rows = cached(`SELECT ${COLUMNS} FROM audit_log ${where} ORDER BY time DESC, id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: f.limit, offset: f.offset }) as AuditRow[];
      return { items: rows.map(toEntry), total, offset: f.offset, limit: f.limit };
    },

    iterate(filter: AuditFilter) {
      const f = parseInput(listAuditInput, filter, 'audit filter');
      const { clauses, params } = whereOf(f);
      const first = cached(`SELECT ${COLUMNS} FROM audit_log ${sqlWhere(clauses)} ORDER BY time DESC, id DESC LIMIT ${CHUNK}`);
      // Keyset paging: each chunk starts strictly after the last row seen, so entries recorded while
      // an export runs neither shift nor repeat rows.
      const next = cached(
        `SELECT ${COLUMNS} FROM audit_log
         ${sqlWhere([...clauses, '(time < @lastTime OR (time = @lastTime AND id < @lastId))'])}
         ORDER BY time DESC, id DESC LIMIT ${CHUNK}`,
      );
      function* entries(): IterableIterator<AuditEntry> {
        let rows = first.all(params) as AuditRow[];
        while (rows.length) {
          for (const row of rows) yield toEntry(row);
          if (rows.length < CHUNK) return;
          const last = rows[rows.length - 1];
          rows = next.all({ ...params, lastTime: last.time, lastId: last.id }) as AuditRow[];
        }
      }
      return entries();
    },
  };
}
