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
  const params: unknown[] = [userId];
  let sql = `SELECT ${TRANSACTION_COLUMNS} FROM "Transaction" t WHERE t.user_id = $1 ORDER BY t.date DESC, t.id DESC`;
  if (limit > 0) {
    params.push(limit);
    sql += ' LIMIT $2';
  }
  const stream = client.query(new QueryStream(sql, params, { batchSize: Math.min(batchSize, 1000) }));
  const onAbort = () => stream.destroy(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });

  let finished = false;
  let failure: unknown = null;
  try {
    let batch: TransactionRow[] = [];
    for await (const row of stream as AsyncIterable<TransactionRow>) {
      batch.push(row);
      if (batch.length >= batchSize) {
        if (signal?.aborted) throw cancelled();
        yield batch;
        batch = [];
        if (signal?.aborted) throw cancelled();
      }
    }
    if (signal?.aborted) throw cancelled();
    if (batch.length) yield batch;
    finished = true;
  } catch (err) {
    failure = err;
    throw signal?.aborted ? cancelled() : err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (finished) client.release();
    else {
      // Error, abort, or the consumer stopped early (break/return): drop the connection.
      if (!stream.destroyed) stream.destroy();
      client.release(failure instanceof Error ? failure : true);
    }
  }
}
