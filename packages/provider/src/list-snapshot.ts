// Terraform refreshes one resource at a time: a plan over 100 keys would make 100 GETs. Instead, the first read of a
// resource type in a provider process lists that collection (a few pages at most), and later reads of the type are
// answered from the list. An id the list doesn't hold (created since, past the pages listed, or gone) gets its own
// GET, so a deleted object still answers 404 and leaves state. Any write made through this process drops every list
// (including one still loading), so no read answers with data older than this process's own changes.

import { type KeywardClient, type PageItem, type PaginatedPath, paginate } from "@keyward/sdk";

const PAGE_SIZE = 200;
/** A server with more objects than this is listed only in part; the rest are read one by one. */
const MAX_LISTED = 5 * PAGE_SIZE;

type Listed = Map<string, unknown>;

export class ListSnapshots {
  private readonly lists = new Map<PaginatedPath, Promise<Listed | undefined>>();
  /** Bumped by every write: a list that started loading before a write is not used after it. */
  private generation = 0;
  private readonly client: () => KeywardClient;

  constructor(client: () => KeywardClient) {
    this.client = client;
  }

  /** The object with `id` as the first list of `path` in this process saw it, or undefined: GET it then. */
  async find<P extends PaginatedPath>(path: P, id: string): Promise<PageItem<P> | undefined> {
    const generation = this.generation;
    let list = this.lists.get(path);
    if (!list) {
      list = this.load(path);
      this.lists.set(path, list);
    }
    const listed = await list;
    return generation === this.generation ? (listed?.get(id) as PageItem<P> | undefined) : undefined;
  }

  /** A write went out: later reads list again. */
  dropAll(): void {
    this.generation++;
    this.lists.clear();
  }

  /** Undefined when listing fails: every read then makes its own GET, which reports the problem where it belongs. */
  private async load(path: PaginatedPath): Promise<Listed | undefined> {
    const listed: Listed = new Map();
    try {
      for await (const item of paginate(this.client(), path, { params: { query: { limit: PAGE_SIZE } } } as never)) {
        listed.set((item as { id: string }).id, item);
        if (listed.size >= MAX_LISTED) {
          break;
        }
      }
      return listed;
    } catch {
      return undefined;
    }
  }
}
