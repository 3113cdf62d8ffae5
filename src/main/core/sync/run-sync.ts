/**
 * One sync run for one user: plan -> read -> map -> write -> reconcile, per data type.
 *
 * Guarantees the history can rely on: the run always ends in a terminal status written to the
 * store; it never reports success when an object failed (that is `partial`, with every failed
 * object recorded); cancellation is honoured between batches; stale objects are removed only when
 * every object of the type was written, so a failed write never turns into a deletion.
 */
import type { DataType, JobPhase, JobProgress, RunStatus, SyncRun } from '../../../shared/domain';
import { COLLECTION_OF, dataTypesOf } from '../../../shared/domain';
import { AppError, toErrorInfo } from '../../../shared/errors';
import { getUser } from '../source';
import { countForUser } from '../target/counts';
import { pruneUserObjects } from '../target/prune';
import { upsertBatch, type BatchResult } from '../target/writer';
import type { MappedObject } from '../mapping';
import { WritePipeline } from './write-pipeline';
import { emptyCounts, type CountsByType, type SyncDeps, type SyncJob } from './run-context';
import { RunLog } from './run-log';
import { openTypeSource } from './type-sources';

/**
 * Batch writes overlapping per run (see write-pipeline.ts for why): the client serialises about one
 * object per millisecond per call whatever the batch size, so throughput follows the number of calls
 * in flight. About 4,000 objects in flight, between 2 and 16 calls, bounds the memory it costs.
 */
export function batchesInFlight(batchSize: number): number {
  return Math.min(16, Math.max(2, Math.ceil(4000 / batchSize)));
}

/** Failed objects are all recorded; the log names the first few per batch to stay readable. */
const FAILURE_LOG_LINES_PER_BATCH = 10;

class Cancelled extends Error {}

export async function runSync(job: SyncJob, deps: SyncDeps): Promise<SyncRun> {
  const { runId, userId, type, settings, signal } = job;
  const log = new RunLog(deps, runId, userId);
  const counts: CountsByType = {};
  const progress: JobProgress = { runId, userId, type, phase: 'reading', current: null, counts, totals: {} };
  const emit = (phase: JobPhase) => {
    progress.phase = phase;
    deps.onProgress(structuredClone(progress));
  };
  const checkCancel = () => {
    if (signal.aborted) throw new Cancelled();
  };

  deps.store.runs.markRunning(runId);
  log.info(
    `Sync of ${type} for user ${userId} started (batch size ${settings.batchSize}, transaction limit ${settings.transactionLimit === 0 ? 'all' : settings.transactionLimit})`,
  );
  emit('reading');

  let status: RunStatus = 'succeeded';
  let error: string | null = null;
  try {
    checkCancel();
    if (!(await deps.source((pool) => getUser(pool, userId)))) throw new AppError('NOT_FOUND', `user ${userId} not found`);
    const client = await deps.weaviate();
    for (const dt of dataTypesOf(type)) {
      if (!(await client.collections.exists(COLLECTION_OF[dt]))) {
        throw new AppError(
          'SCHEMA_MISSING',
          `Weaviate has no ${COLLECTION_OF[dt]} collection. Initialise the schema first (Schema view, or: npm run cli -- init).`,
        );
      }
    }
    // The types run side by side: each is mostly waiting on Weaviate (see write-pipeline.ts), and
    // each records its own outcome, so one failing type does not hide another's success.
    const outcomes = await Promise.allSettled(dataTypesOf(type).map((dt) => syncTypeRecorded(dt)));
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (rejected) throw rejected.reason;
    const failed = Object.values(counts).reduce((n, c) => n + (c?.failed ?? 0), 0);
    if (failed > 0) {
      status = 'partial';
      error = `${failed} object${failed === 1 ? '' : 's'} failed to write; see the failed objects of this run`;
    }
  } catch (err) {
    // Once the operator cancelled, whatever the stream or batch threw is the cancellation itself.
    if (err instanceof Cancelled || signal.aborted) {
      status = 'cancelled';
      error = 'cancelled by the operator';
      log.warn('Sync cancelled; objects already written stay in Weaviate');
    } else {
      status = 'failed';
      error = toErrorInfo(err).message;
      log.error(error);
    }
  }

  const run = deps.store.runs.finish(runId, { status, error, counts });
  log.info(`Sync ${status}${error && status !== 'failed' ? `: ${error}` : ''}`);
  emit('finished');
  return run;

  function recordBatch(dt: DataType, collection: string, batch: MappedObject[], result: BatchResult): void {
    const c = counts[dt]!;
    c.written += result.written;
    c.failed += result.failures.length;
    if (result.failures.length > 0) {
      deps.store.failures.addMany(
        runId,
        result.failures.map((f) => ({ dataType: dt, objectId: f.uuid, sourceId: f.sourceId, message: f.message })),
      );
      log.write(
        result.failures.slice(0, FAILURE_LOG_LINES_PER_BATCH).map((f) => ({
          level: 'error' as const,
          message: `${collection} ${f.sourceId} (${f.uuid}) failed: ${f.message}`,
        })),
      );
      if (result.failures.length > FAILURE_LOG_LINES_PER_BATCH) {
        log.error(`... and ${result.failures.length - FAILURE_LOG_LINES_PER_BATCH} more failed objects in this batch of ${batch.length}`);
      }
    }
    deps.store.runs.updateCounts(runId, counts);
    emit('writing');
  }

  async function syncTypeRecorded(dt: DataType): Promise<void> {
    try {
      await syncType(dt);
    } catch (err) {
      if (!(err instanceof Cancelled) && !signal.aborted) {
        deps.store.state.recordResult(userId, dt, {
          runId,
          status: 'failed',
          at: new Date().toISOString(),
          writtenCount: counts[dt]?.written ?? 0,
          expectedCount: progress.totals[dt] ?? 0,
          error: toErrorInfo(err).message,
        });
      }
      throw err;
    }
  }

  async function syncType(dt: DataType): Promise<void> {
    checkCancel();
    progress.current = dt;
    const source = await openTypeSource(dt, job, deps);
    const c = (counts[dt] = emptyCounts());
    progress.totals[dt] = source.expectedCount;
    emit('reading');
    const client = await deps.weaviate();
    const endpoint = deps.endpoint();
    const keep = new Set<string>();

    const pipeline = new WritePipeline(batchesInFlight(settings.batchSize));
    try {
      for await (const batch of source.batches()) {
        checkCancel();
        c.read += batch.length;
        const warnings = batch.flatMap((o) => o.warnings);
        c.warnings += warnings.length;
        log.write(warnings.map((message) => ({ level: 'warn' as const, message })));
        for (const o of batch) keep.add(o.uuid);
        emit('writing');
        await pipeline.submit(async () => recordBatch(dt, source.collection, batch, await upsertBatch(client, endpoint, source.collection, batch)));
      }
    } finally {
      // Even when cancelled or failing, let the writes already sent land and be counted.
      await pipeline.settle();
    }
    pipeline.throwIfFailed();
    checkCancel();

    emit('reconciling');
    if (c.failed === 0) {
      const pruned = await pruneUserObjects(client, endpoint, source.collection, userId, keep);
      if (pruned.status === 'done' && pruned.deleted > 0) {
        log.info(`Removed ${pruned.deleted} ${source.collection} object(s) that PostgreSQL no longer backs`);
      } else if (pruned.status === 'too-many') {
        log.warn(
          `Stale ${source.collection} objects were not looked for: the user has more than ${pruned.seen} objects there, over Weaviate's 10,000 query window`,
        );
      }
    } else {
      log.warn(`Stale ${source.collection} objects were not removed because ${c.failed} object(s) failed to write`);
    }
    const inWeaviate = await countForUser(client, endpoint, source.collection, userId);
    if (inWeaviate !== source.expectedCount) {
      log.warn(`${source.collection}: Weaviate holds ${inWeaviate} object(s) for this user, PostgreSQL expects ${source.expectedCount}`);
    }
    log.info(
      `${source.collection}: read ${c.read}, written ${c.written}, failed ${c.failed}, warnings ${c.warnings}; Weaviate now holds ${inWeaviate}`,
    );
    deps.store.state.recordResult(userId, dt, {
      runId,
      status: c.failed > 0 ? 'partial' : 'succeeded',
      at: new Date().toISOString(),
      writtenCount: inWeaviate,
      expectedCount: source.expectedCount,
      error: c.failed > 0 ? `${c.failed} object(s) failed to write` : null,
    });
  }
}
