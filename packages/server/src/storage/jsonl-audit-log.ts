// The audit log is an append-only JSON-lines file beside the data file, not part of the lowdb document,
// so that it never makes the document (rewritten whole on every write) grow. Appends are grouped.
import { appendFile, readFile } from "node:fs/promises";
import type { AuditQuery, Page } from "../domain/ports.js";
import type { AuditEvent } from "../domain/types.js";

export class JsonlAuditLog {
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly file: string) {}

  append(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    for (const event of events) this.pending.push(`${JSON.stringify(event)}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    return done;
  }

  /** Resolves once every line appended so far is on disk. */
  async flush(): Promise<void> {
    await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const lines = this.pending.join("");
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await appendFile(this.file, lines, { encoding: "utf8", mode: 0o600 });
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
  }

  async list(query: AuditQuery): Promise<Page<AuditEvent>> {
    const text = await readFile(this.file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "";
      throw error;
    });
    const start = query.after === undefined ? 0 : Number(query.after);
    const lines = text.split("\n");
    const items: AuditEvent[] = [];
    for (let index = start; index < lines.length; index++) {
      const line = lines[index];
      // A crash can leave a torn last line; it is skipped, never served.
      if (!line) continue;
      let event: AuditEvent;
      try {
        event = JSON.parse(line) as AuditEvent;
      } catch {
        continue;
      }
      if (query.action && event.action !== query.action) continue;
      if (query.targetId && event.target.id !== query.targetId) continue;
      if (items.length === query.limit) return { items, next: String(index) };
      items.push(event);
    }
    return { items, next: null };
  }
}
