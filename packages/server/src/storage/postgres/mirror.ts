import { deepFreeze } from "../deep-freeze.js";

// One replica's in-memory copy of a table the request path reads (users, roles, keys, management tokens), in
// insertion order (`seq`), so that verification and management reads never query the database.
export class MirrorTable<T extends { id: string }> {
  private records = new Map<string, T>();
  private seqs = new Map<string, number>();
  private lastSeq = 0;

  get size(): number {
    return this.records.size;
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  seqOf(id: string): number | undefined {
    return this.seqs.get(id);
  }

  ids(): IterableIterator<string> {
    return this.records.keys();
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }

  /** An update keeps the record's place; a new record goes where its `seq` says. */
  set(record: T, seq: number): void {
    const frozen = deepFreeze(record);
    if (this.records.has(record.id)) {
      this.records.set(record.id, frozen);
      return;
    }
    this.records.set(record.id, frozen);
    this.seqs.set(record.id, seq);
    if (seq > this.lastSeq) {
      this.lastSeq = seq;
      return;
    }
    // Arrived out of order (a catch-up after a reconnect): re-sort once.
    const sorted = [...this.records.values()].sort((a, b) => (this.seqs.get(a.id) ?? 0) - (this.seqs.get(b.id) ?? 0));
    this.records = new Map(sorted.map((item) => [item.id, item]));
  }

  delete(id: string): T | undefined {
    const old = this.records.get(id);
    this.records.delete(id);
    this.seqs.delete(id);
    return old;
  }

  clear(): void {
    this.records.clear();
    this.seqs.clear();
    this.lastSeq = 0;
  }
}
