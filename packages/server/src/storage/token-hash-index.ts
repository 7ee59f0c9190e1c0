// Token hash → id of the credential it belongs to (integration keys, management tokens): the current hash and,
// while a rotation's grace period lasts, the previous one. Both stores keep one per credential table in memory,
// so authentication never reads the disk or the database.
export interface HashedCredential {
  id: string;
  token_hash: string;
  previous_token_hash: string | null;
}

export class TokenHashIndex {
  private readonly byHash = new Map<string, { id: string; previous: boolean }>();

  get(hash: string): { id: string; previous: boolean } | undefined {
    return this.byHash.get(hash);
  }

  add(record: HashedCredential): void {
    this.byHash.set(record.token_hash, { id: record.id, previous: false });
    if (record.previous_token_hash) {
      this.byHash.set(record.previous_token_hash, { id: record.id, previous: true });
    }
  }

  remove(record: HashedCredential | undefined): void {
    if (!record) {
      return;
    }
    this.byHash.delete(record.token_hash);
    if (record.previous_token_hash) {
      this.byHash.delete(record.previous_token_hash);
    }
  }

  clear(): void {
    this.byHash.clear();
  }
}
