import type { Database } from 'better-sqlite3';
import { DATA_TYPES, type DataType, type FailedObject } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { boundedLimit } from './input';
import type { FailuresRepo } from './store-types';

const MAX_PAGE = 10_000;
const MAX_MESSAGE_CHARS = 2000;

interface FailureRow {
  run_id: string;
  data_type: DataType;
  object_id: string;
  source_id: string;
  message: string;
}

export function createFailuresRepo(db: Database): FailuresRepo {
  const insert = db.prepare(
    'INSERT INTO failed_objects (run_id, data_type, object_id, source_id, message) VALUES (?, ?, ?, ?, ?)',
  );
  const page = db.prepare(
    'SELECT run_id, data_type, object_id, source_id, message FROM failed_objects WHERE run_id = ? ORDER BY id LIMIT ?',
  );
  const countOf = db.prepare('SELECT COUNT(*) FROM failed_objects WHERE run_id = ?').pluck();

  const addAll = db.transaction((runId: string, items: Omit<FailedObject, 'runId'>[]) => {
    for (const item of items) {
      if (!(DATA_TYPES as readonly string[]).includes(item.dataType)) {
        throw new AppError('VALIDATION', `unknown data type "${item.dataType}" for failed object ${item.objectId}`);
      }
      const message = item.message.length > MAX_MESSAGE_CHARS ? item.message.slice(0, MAX_MESSAGE_CHARS) + '… (cut)' : item.message;
      insert.run(runId, item.dataType, item.objectId, item.sourceId, message);
    }
    return items.length;
  });

  return {
    addMany(runId, items) {
      if (!items.length) return 0;
      try {
        return addAll(runId, items);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new AppError('NOT_FOUND', `sync run ${runId} not found: cannot record failed objects for it`, { cause: err });
        }
        throw err;
      }
    },
    list(runId, limit) {
      return (page.all(runId, boundedLimit(limit, MAX_PAGE, 'failure limit')) as FailureRow[]).map((r) => ({
        runId: r.run_id,
        dataType: r.data_type,
        objectId: r.object_id,
        sourceId: r.source_id,
        message: r.message,
      }));
    },
    count(runId) {
      return countOf.get(runId) as number;
    },
  };
}
