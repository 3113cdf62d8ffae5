/**
 * A user's transactions, newest first (date DESC, id DESC), streamed through a server-side cursor in
 * batches: a user with a million rows never sits in memory whole. The dedicated client goes back to
 * the pool on completion and is discarded on error, abort or early exit, because a half-read cursor
 * leaves the connection mid-protocol.
 */
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { AppError } from '../../../shared/errors';
import type { TransactionRow } from './rows';
import { dateSql, isoSql } from './sql';

export interface StreamTransactionsOptions {
  /** 0 = all */
  limit: number;
  batchSize: number;
  signal?: AbortSignal;
}

export const TRANSACTION_COLUMNS = `
  t.id, t.user_id, t.account_id, t.amount::text AS amount, t.iso_currency_code, t.name, t.merchant_name,
  to_jsonb(t.category) AS category, pg_typeof(t.category)::text AS category_type,
  ${dateSql('t.date')} AS date, t.pending, t.payment_channel,
  ${isoSql('t.created_at')} AS created_at, ${isoSql('t.updated_at')} AS updated_at`;

function cancelled(): AppError {
  return new AppError('CANCELLED', 'the transaction read was cancelled');
}

export async function* streamTransactions(
  pool: pg.Pool,
  userId: string,
  opts: StreamTransactionsOptions,
): AsyncIterable<TransactionRow[]> {
  const { limit, batchSize, signal } = opts;
  if (!Number.isInteger(limit) || limit < 0)
    throw new AppError('VALIDATION', `the transaction limit must be a whole number, 0 (all) or more (got ${limit})`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new AppError('VALIDATION', `the batch size must be a whole number of 1 or more (got ${batchSize})`);
  if (signal?.aborted) throw cancelled();

  const client = await pool.connect();
  // pg-cursor keeps the portal open across fetches without a Sync, so PostgreSQL counts the whole
  // read as one statement: the pool's statement_timeout would cancel any stream that a slow Weaviate
  // keeps open longer than that. Lift it for this session; it is reset before the client goes back.
  try {
    await client.query('SET statement_timeout = 0');
  } catch (err) {
    client.release(err instanceof Error ? err : true);
    throw err;
  }
  const params: unknown[] = [userId];
  let sql = `SELECT ${TRANSACTION_COLUMNS} FROM "Transaction" t WHERE t.user_id = $1 ORDER BY t.date DESC, t.id DESC`;
  if (limit > 0) {
    params.push(limit);
    sql += ' LIMIT $2';
  }

  // Three ways out besides the end of the rows: the connection dies, the caller aborts, or the stream
  // fails. pg-query-stream cannot be relied on for the first two: its destroy() waits for the server
  // to confirm closing the cursor, which a dead connection never does, so iteration would hang. We race
  // every read against this promise instead and discard the client, which ends the server-side query.
  let fail!: (err: unknown) => void;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => undefined);
  // A checked-out client has no pool listener: without ours, a dropped connection is an unhandled
  // 'error' event that takes the process down. It stays attached after a failure for the same reason.
  const onClientError = (err: Error) => fail(err);
  const onClientEnd = () => fail(new Error('Connection terminated unexpectedly'));
  client.on('error', onClientError);
  client.on('end', onClientEnd);
  const onAbort = () => fail(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });

  const stream = client.query(new QueryStream(sql, params, { batchSize: Math.min(batchSize, 1000) }));
  stream.on('error', () => undefined); // surfaced through the iterator below
  const rows = (stream as AsyncIterable<TransactionRow>)[Symbol.asyncIterator]();

  let finished = false;
  let failed: unknown = null;
  try {
    let batch: TransactionRow[] = [];
    for (;;) {
      const next = await Promise.race([rows.next(), failure]);
      if (next.done) break;
      batch.push(next.value);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
        if (signal?.aborted) throw cancelled();
      }
    }
    if (signal?.aborted) throw cancelled();
    if (batch.length) yield batch;
    finished = true;
  } catch (err) {
    failed = err;
    throw signal?.aborted ? cancelled() : err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (finished) {
      let reset: unknown = null;
      await client.query('RESET statement_timeout').catch((err: unknown) => (reset = err));
      client.removeListener('error', onClientError);
      client.removeListener('end', onClientEnd);
      client.release(reset instanceof Error ? reset : undefined);
    } else {
      // Error, abort, or the consumer stopped early (break/return): the connection is mid-protocol,
      // so it is closed rather than returned to the pool.
      client.removeListener('end', onClientEnd);
      client.release(failed instanceof Error ? failed : true);
    }
  }
}
