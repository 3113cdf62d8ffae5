/**
 * What the server received, for tests that assert how the console talks to Weaviate: a counter per
 * target (gRPC method name or "<METHOD> <route template>"), the size of every BatchObjects request,
 * and a log with the collection and tenant of each data call. Calls that were failed by injected
 * faults are counted too (they did reach the server).
 */
export interface CallRecord {
  target: string;
  at: number;
  collection?: string;
  tenant?: string;
  /** Objects in a BatchObjects request. */
  size?: number;
}

export class Calls {
  readonly log: CallRecord[] = [];
  private readonly counters = new Map<string, number>();

  record(entry: Omit<CallRecord, 'at'>): void {
    this.log.push({ ...entry, at: Date.now() });
    this.counters.set(entry.target, (this.counters.get(entry.target) ?? 0) + 1);
  }

  count(target: string): number {
    return this.counters.get(target) ?? 0;
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  /** Sizes of the BatchObjects requests received, in arrival order. */
  batchSizes(): number[] {
    return this.log.filter((c) => c.target === 'BatchObjects').map((c) => c.size ?? 0);
  }

  /** Total objects received through BatchObjects. */
  objectsReceived(): number {
    return this.batchSizes().reduce((a, b) => a + b, 0);
  }

  reset(): void {
    this.log.length = 0;
    this.counters.clear();
  }
}
