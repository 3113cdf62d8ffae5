import type { Database } from 'better-sqlite3';
import type { LogLevel, RunLogLine } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { boundedLimit } from './input';
import { scrubText } from './scrub-params';
import type { LogsRepo, NewLogLine } from './store-types';
import { toIsoUtc } from './time';

const LEVELS: readonly LogLevel[] = ['info', 'warn', 'error'];
/** One line is a sentence or a row's repair note; a runaway message must not bloat the file. */
const MAX_MESSAGE_CHARS = 8000;
/** Matches the largest page the run detail asks for (runDetailInput.logLimit). */
const MAX_PAGE = 20_000;

interface LineRow {
  run_id: string;
  seq: number;
  time: string;
  level: LogLevel;
  message: string;
}

const toLine = (r: LineRow): RunLogLine => ({ runId: r.run_id, seq: r.seq, time: r.time, level: r.level, message: r.message });

export function createLogsRepo(db: Database, now: () => Date): LogsRepo {
  // The next seq comes from the primary key (run_id, seq): one index probe, no counter to keep in step.
  const insert = db.prepare(
    `INSERT INTO run_log_lines (run_id, seq, time, level, message)
     VALUES (@runId, COALESCE((SELECT MAX(seq) FROM run_log_lines WHERE run_id = @runId), 0) + 1, @time, @level, @message)
     RETURNING run_id, seq, time, level, message`,
  );
  const page = db.prepare(
    'SELECT run_id, seq, time, level, message FROM run_log_lines WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  function one(line: NewLogLine): RunLogLine {
    if (!LEVELS.includes(line.level)) {
      throw new AppError('VALIDATION', `log level must be one of ${LEVELS.join(', ')} (got ${String(line.level)})`);
    }
    if (typeof line.message !== 'string') {
      throw new AppError('VALIDATION', `a log message is text (got ${typeof line.message})`);
    }
    // A message may quote a connection string; its password never reaches the file.
    const text = scrubText(line.message)!;
    const message = text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) + '… (cut)' : text;
    const time = line.time === undefined ? now().toISOString() : toIsoUtc(line.time, 'log line time');
    try {
      return toLine(insert.get({ runId: line.runId, time, level: line.level, message }) as LineRow);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('NOT_FOUND', `sync run ${line.runId} not found: cannot add a log line to it`, { cause: err });
      }
      throw err;
    }
  }

  const many = db.transaction((lines: NewLogLine[]) => lines.map(one));

  return {
    append(runId, level, message, time) {
      return one({ runId, level, message, time });
    },
    appendMany(lines) {
      return lines.length ? many(lines) : [];
    },
    list(runId, opts) {
      const limit = boundedLimit(opts.limit, MAX_PAGE, 'log limit');
      const afterSeq = opts.afterSeq ?? 0;
      if (!Number.isInteger(afterSeq) || afterSeq < 0) {
        throw new AppError('VALIDATION', `afterSeq must be a whole number >= 0 (got ${String(afterSeq)})`);
      }
      // One row more than asked tells whether the page was cut without a COUNT over the whole log.
      const rows = page.all(runId, afterSeq, limit + 1) as LineRow[];
      const truncated = rows.length > limit;
      return { lines: (truncated ? rows.slice(0, limit) : rows).map(toLine), truncated };
    },
  };
}
