/**
 * Fault injection for reliability tests. Targets are gRPC method names ("BatchObjects", "Search",
 * "Aggregate", "BatchDelete", "TenantsGet", "Health/Check") or REST routes as "<METHOD> <template>"
 * ("GET /v1/meta", "POST /v1/schema", "GET /v1/schema/{className}", ...); "*" matches everything.
 */
export type GrpcFaultCode = 'UNAVAILABLE' | 'DEADLINE_EXCEEDED' | 'INTERNAL';

export interface FailNextOptions {
  /** How many consecutive calls fail (default 1). */
  times?: number;
  /** gRPC status for gRPC targets (default UNAVAILABLE). */
  grpcCode?: GrpcFaultCode;
  /** HTTP status for REST targets (default 503). */
  httpStatus?: 500 | 503;
  message?: string;
  /** Only calls for this collection (class) fail; others pass untouched. */
  collection?: string;
}

export interface InjectedFailure {
  grpcCode: GrpcFaultCode;
  httpStatus: number;
  message: string;
}

interface PendingFailure extends InjectedFailure {
  remaining: number;
  collection?: string;
}

interface ObjectFailure {
  message: string;
  remaining: number;
}

export interface OutageControl {
  takeDown(): Promise<void>;
  bringUp(): Promise<void>;
  isDown(): boolean;
}

/** Class names are compared the way Weaviate resolves them: first letter capitalised. */
const sameClass = (a: string, b: string | undefined): boolean =>
  b !== undefined && a.length > 0 && b.length > 0 && a[0].toUpperCase() + a.slice(1) === b[0].toUpperCase() + b.slice(1);

export class Faults {
  private readonly failures = new Map<string, PendingFailure[]>();
  private readonly latencies = new Map<string, number>();
  private readonly objectFailures = new Map<string, ObjectFailure>();

  constructor(private readonly outage: OutageControl) {}

  /** Make the next `times` calls of `target` fail. Calls already queued for the target fail first. */
  failNext(target: string, options: FailNextOptions = {}): void {
    const list = this.failures.get(target) ?? [];
    list.push({
      remaining: options.times ?? 1,
      grpcCode: options.grpcCode ?? 'UNAVAILABLE',
      httpStatus: options.httpStatus ?? 503,
      message: options.message ?? `injected failure of ${target}`,
      collection: options.collection,
    });
    this.failures.set(target, list);
  }

  /** Delay every call of `target` by `ms` (0 removes the delay). */
  addLatency(target: string, ms: number): void {
    if (ms <= 0) this.latencies.delete(target);
    else this.latencies.set(target, ms);
  }

  /**
   * Make writes and deletes of these object ids fail with `message`: per-object errors in
   * BatchObjects, `failed` entries in BatchDelete, 500 on REST writes; the next `times` attempts
   * (default: until cleared).
   */
  failObjects(uuids: string | string[], message: string, options: { times?: number } = {}): void {
    for (const id of Array.isArray(uuids) ? uuids : [uuids]) {
      this.objectFailures.set(id.toLowerCase(), { message, remaining: options.times ?? Number.POSITIVE_INFINITY });
    }
  }

  /** Close both listeners (connections refused) while keeping the data, like a crashed node. */
  takeDown(): Promise<void> {
    return this.outage.takeDown();
  }

  /** Listen again on the same ports with the same data. */
  bringUp(): Promise<void> {
    return this.outage.bringUp();
  }

  get isDown(): boolean {
    return this.outage.isDown();
  }

  /** Remove every pending failure, latency and object failure (does not bring a downed server up). */
  clear(): void {
    this.failures.clear();
    this.latencies.clear();
    this.objectFailures.clear();
  }

  // ---- used by the servers ----

  takeFailure(target: string, collection?: string): InjectedFailure | undefined {
    for (const key of [target, '*']) {
      const list = this.failures.get(key);
      if (!list) continue;
      const index = list.findIndex((f) => f.collection === undefined || sameClass(f.collection, collection));
      if (index < 0) continue;
      const head = list[index];
      head.remaining -= 1;
      if (head.remaining <= 0) list.splice(index, 1);
      return { grpcCode: head.grpcCode, httpStatus: head.httpStatus, message: head.message };
    }
    return undefined;
  }

  latencyFor(target: string): number {
    return this.latencies.get(target) ?? this.latencies.get('*') ?? 0;
  }

  takeObjectFailure(uuid: string): string | undefined {
    const f = this.objectFailures.get(uuid.toLowerCase());
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) this.objectFailures.delete(uuid.toLowerCase());
    return f.message;
  }
}
