import { type Deferred, deferred } from "./deferred.js";

// Group commit: every caller that asks for durability while a write is running is acknowledged by
// the next write, which carries all their changes. One file write serves any number of transactions.
export class GroupCommitter {
  private running: Promise<void> | null = null;
  private next: Deferred | null = null;
  /** Number of completed writes, for tests and the benchmark. */
  writes = 0;

  constructor(private readonly write: () => Promise<void>) {}

  /** Resolves once a write that started after this call has completed. */
  commit(): Promise<void> {
    this.next ??= deferred();
    const waiting = this.next.promise;
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return waiting;
  }

  async idle(): Promise<void> {
    await this.running;
  }

  private async loop(): Promise<void> {
    while (this.next) {
      const batch = this.next;
      this.next = null;
      try {
        await this.write();
        this.writes++;
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    }
  }
}
