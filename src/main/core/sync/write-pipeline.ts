/**
 * Keeps a few batch writes in flight at once. weaviate-client 3.12's insertMany spends most of a
 * call waiting on timers (it serialises one object per setTimeout tick and polls for completion every
 * 500 ms), not on the CPU or the server, so sequential batches leave both ends idle. Overlapping a
 * handful of batches multiplies throughput without changing what is written: every object of a run
 * has its own uuid, so the order in which batches land does not matter.
 */
export class WritePipeline {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly maxInFlight: number) {}

  /** Waits for a free slot, then starts the write. Throws the first failure of an earlier write. */
  async submit(write: () => Promise<void>): Promise<void> {
    this.throwIfFailed();
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const p: Promise<void> = write()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Waits for every write in flight; never throws (call throwIfFailed after). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
