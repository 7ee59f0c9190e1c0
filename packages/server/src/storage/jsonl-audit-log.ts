// The audit log is an append-only JSON-lines file beside the data file, not part of the lowdb document,
// so that it never makes the document (rewritten whole on every write) grow. Appends are grouped.
import { appendFile, type FileHandle, open, readFile } from "node:fs/promises";
import type { AuditQuery, Page } from "../domain/ports.js";
import type { AuditEvent } from "../domain/types.js";
import { type Deferred, deferred } from "./deferred.js";

export class JsonlAuditLog {
  private pending: string[] = [];
  /** Settled when the lines pending now are on disk. */
  private batch: Deferred | null = null;
  private draining: Promise<void> | null = null;
  /** Whether the file's end was checked for a line torn by a crash (once, before the first append). */
  private tailChecked = false;

  constructor(private readonly file: string) {}

  append(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) {
      return Promise.resolve();
    }
    for (const event of events) {
      this.pending.push(`${JSON.stringify(event)}\n`);
    }
    this.batch ??= deferred();
    const done = this.batch.promise;
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
      let lines = this.pending.join("");
      const batch = this.batch;
      this.pending = [];
      this.batch = null;
      try {
        // A crash mid-append can leave a last line without its newline: end it first, or the next event
        // would be glued to it and lost with it.
        if (!this.tailChecked) {
          if (await endsWithTornLine(this.file)) {
            lines = `\n${lines}`;
          }
          this.tailChecked = true;
        }
        await appendFile(this.file, lines, { encoding: "utf8", mode: 0o600 });
        batch?.resolve();
      } catch (error) {
        batch?.reject(error);
      }
    }
  }

  async list(query: AuditQuery): Promise<Page<AuditEvent>> {
    const text = await readFile(this.file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") {
        return "";
      }
      throw error;
    });
    const start = query.after === undefined ? 0 : Number(query.after);
    const lines = text.split("\n");
    const items: AuditEvent[] = [];
    for (let index = start; index < lines.length; index++) {
      const line = lines[index];
      // A crash can leave a torn last line; it is skipped, never served.
      if (!line) {
        continue;
      }
      // Cheap substring tests first: most lines of a long log don't match a filter and are never parsed.
      if (query.targetId && !line.includes(query.targetId)) {
        continue;
      }
      if (query.action && !line.includes(`"${query.action}"`)) {
        continue;
      }
      let event: AuditEvent;
      try {
        event = JSON.parse(line) as AuditEvent;
      } catch {
        continue;
      }
      if (query.action && event.action !== query.action) {
        continue;
      }
      if (query.targetId && event.target.id !== query.targetId) {
        continue;
      }
      if (items.length === query.limit) {
        return { items, next: String(index) };
      }
      items.push(event);
    }
    return { items, next: null };
  }
}

async function endsWithTornLine(file: string): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return false;
    }
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) {
      return false;
    }
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}
