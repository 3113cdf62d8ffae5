/**
 * For each data type: where its rows come from, how they map to objects, and how many objects
 * Weaviate should hold for the user afterwards. Rows are mapped batch by batch as they stream in,
 * so a user with a million transactions never sits in memory whole.
 */
import type { DataType } from '../../../shared/domain';
import { COLLECTION_OF } from '../../../shared/domain';
import { mapAccount, mapProfile, mapTransaction, type MappedObject } from '../mapping';
import { readAccounts, readProfile, streamTransactions, countSource } from '../source';
import type { SyncDeps, SyncJob } from './run-context';

export interface TypeSource {
  dataType: DataType;
  collection: string;
  /** Objects Weaviate should hold for this user when the sync is done (for drift detection). */
  expectedCount: number;
  batches(): AsyncIterable<MappedObject[]>;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function openTypeSource(dataType: DataType, job: SyncJob, deps: SyncDeps): Promise<TypeSource> {
  const { batchSize, transactionLimit, invertAmounts } = job.settings;
  const collection = COLLECTION_OF[dataType];
  switch (dataType) {
    case 'profile': {
      return {
        dataType,
        collection,
        expectedCount: 1,
        async *batches() {
          const row = await deps.source((pool) => readProfile(pool, job.userId, { invertAmounts }));
          if (row) yield [mapProfile(row)];
        },
      };
    }
    case 'accounts': {
      const rows = await deps.source((pool) => readAccounts(pool, job.userId));
      return {
        dataType,
        collection,
        expectedCount: rows.length,
        async *batches() {
          for (const chunk of chunks(rows, batchSize)) yield chunk.map(mapAccount);
        },
      };
    }
    case 'transactions': {
      const { transactions } = await deps.source((pool) => countSource(pool, job.userId));
      return {
        dataType,
        collection,
        expectedCount: transactionLimit > 0 ? Math.min(transactions, transactionLimit) : transactions,
        async *batches() {
          const stream = streamTransactions(deps.pool(), job.userId, {
            limit: transactionLimit,
            batchSize,
            signal: job.signal,
          });
          try {
            for await (const rows of stream) yield rows.map(mapTransaction);
          } catch (err) {
            throw job.signal.aborted ? err : deps.sourceError(err);
          }
        },
      };
    }
  }
}
