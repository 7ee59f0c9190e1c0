// Walks the cursor-paginated list endpoints (`{ data, next_cursor }` with `cursor`/`limit` params).
import type { MaybeOptionalInit } from "openapi-fetch";
import type { KeywardClient } from "./client.js";
import { KeywardApiError } from "./errors.js";
import type { paths } from "./schema.js";

interface Page<T = unknown> {
  data: T[];
  next_cursor: string | null;
}

type PageOf<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer Body } } } };
}
  ? Body
  : never;

/** The paths whose GET answers a page: `/v1/users`, `/v1/api-keys`, `/v1/events`, … */
export type PaginatedPath = {
  [P in keyof paths]: PageOf<P> extends Page ? P : never;
}[keyof paths];

/** The item type of a paginated path, e.g. `ApiKey` for `/v1/api-keys`. */
export type PageItem<P extends PaginatedPath> = PageOf<P> extends Page<infer T> ? T : never;

type PageInit<P extends PaginatedPath> = MaybeOptionalInit<paths[P], "get">;

// Inside the generic function TypeScript cannot relate `P` to one concrete GET signature, so the
// call goes through this loose view; the signature of `paginate` keeps callers fully typed.
type LooseGet = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Yields every item of a list endpoint, fetching the next page only when needed.
 * Starts at `init.params.query.cursor` if given; throws `KeywardApiError` on an error page.
 */
export async function* paginate<P extends PaginatedPath>(
  client: KeywardClient,
  path: P,
  init?: PageInit<P>,
): AsyncGenerator<PageItem<P>, void, undefined> {
  const get = client.GET.bind(client) as unknown as LooseGet;
  const params = (init?.params ?? {}) as { query?: Record<string, unknown> };
  let cursor = params.query?.cursor as string | undefined;
  do {
    const query = { ...params.query, ...(cursor === undefined ? {} : { cursor }) };
    const { data, error, response } = await get(path, { ...init, params: { ...params, query } });
    if (!response.ok) {
      throw new KeywardApiError(response, error);
    }
    const page = data as Page<PageItem<P>>;
    yield* page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}
