// The one place SDK results become diagnostics. Every resource and data source calls the API through `callApi`,
// so error summaries, details and attribute paths look the same everywhere.

import {
  type FetchResult,
  KeywardApiError,
  type PageItem,
  type PaginatedPath,
  type UnwrappedData,
  unwrap,
} from "@keyward/sdk";
import type { AttributePath, BlockDefinition, Diagnostics } from "@keyward/tfplugin";
import type { ListSnapshots } from "./list-snapshot.js";

export interface ApiCall {
  /** Title-style, e.g. "Unable to create API key". */
  readonly summary: string;
  /** What the call acts on, for the detail, e.g. "API key key_123". */
  readonly subject: string;
  /** Field errors (`/body/permissions/0/fields/1`) are pointed at this schema's attributes. */
  readonly schema?: BlockDefinition;
  /** Body fields sent from an attribute of another name, e.g. `{ token: "token_wo" }`: errors point at that one. */
  readonly bodyFieldAttributes?: Readonly<Record<string, string>>;
  /** A 404 is an answer, not an error (reads: the object is gone). */
  readonly notFoundOk?: boolean;
}

export type ApiResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly notFound: boolean };

/** Runs one SDK call and reports a failure. */
export function callApi<R extends FetchResult>(
  diagnostics: Diagnostics,
  call: ApiCall,
  request: () => Promise<R>,
): Promise<ApiResult<UnwrappedData<R>>> {
  return attempt(diagnostics, call, async () => unwrap(await request()));
}

/**
 * A resource's read: from this process's list of `path` when it holds `id`, else one GET (whose 404 is an answer:
 * the object is gone).
 */
export async function readOne<P extends PaginatedPath, R extends FetchResult>(
  diagnostics: Diagnostics,
  lists: ListSnapshots,
  path: P,
  id: string,
  call: ApiCall,
  get: () => Promise<R>,
): Promise<ApiResult<PageItem<P> | UnwrappedData<R>>> {
  const listed = await lists.find(path, id);
  return listed !== undefined ? { ok: true, data: listed } : callApi(diagnostics, { ...call, notFoundOk: true }, get);
}

/** Runs SDK work that throws KeywardApiError (`unwrap`, `paginate`) and reports a failure. */
export async function attempt<T>(
  diagnostics: Diagnostics,
  call: ApiCall,
  run: () => Promise<T>,
): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (thrown) {
    if (!(thrown instanceof KeywardApiError)) {
      diagnostics.error(call.summary, `Could not reach Keyward for ${call.subject}: ${describeThrown(thrown)}.`);
      return { ok: false, notFound: false };
    }
    if (thrown.status === 404 && call.notFoundOk) {
      return { ok: false, notFound: true };
    }
    reportApiError(diagnostics, call, thrown);
    return { ok: false, notFound: thrown.status === 404 };
  }
}

/**
 * One diagnostic per field error that names an attribute (pointing at it), and one for the rest of the problem.
 * Details name the subject, the HTTP status, the stable code and the server's words.
 */
function reportApiError(diagnostics: Diagnostics, call: ApiCall, error: KeywardApiError): void {
  const problem = error.problem;
  const head = `Keyward answered ${error.status}${error.code ? ` ${error.code}` : ""} for ${call.subject}`;
  const unplaced: string[] = [];
  for (const fieldError of problem?.errors ?? []) {
    const path = call.schema && attributePath(call.schema, fieldError.path, call.bodyFieldAttributes);
    if (path) {
      diagnostics.error(call.summary, `${head}: ${fieldError.message} (${fieldError.path}).`, path);
    } else {
      unplaced.push(`${fieldError.path}: ${fieldError.message}`);
    }
  }
  if (unplaced.length > 0 || (problem?.errors ?? []).length === 0) {
    const missingScope = problem?.code === "scope_missing" ? problem.missing_scope : undefined;
    const hint = missingScope
      ? ` Give the provider's token (or KEYWARD_TOKEN) the scope ${missingScope}: ${call.subject} needs it.`
      : "";
    const detail = (problem?.detail ?? error.message) + hint;
    diagnostics.error(call.summary, [`${head}: ${detail}`, ...unplaced].join("\n"));
  }
}

/**
 * The attribute a request-body pointer names: attribute names are the API's field names, so the pointer is walked
 * while its segments are attributes. Set elements have no path in the protocol, so `/body/permissions/0/fields/1`
 * points at `permissions`. A top-level field sent from an attribute of another name (`bodyFieldAttributes`) points at
 * that attribute.
 */
export function attributePath(
  schema: BlockDefinition,
  pointer: string,
  bodyFieldAttributes: Readonly<Record<string, string>> = {},
): AttributePath | undefined {
  const [source, field, ...rest] = pointer.split("/").slice(1);
  if (source !== "body" || field === undefined) {
    return undefined;
  }
  const renamed = Object.hasOwn(bodyFieldAttributes, field) ? bodyFieldAttributes[field] : undefined;
  const segments = [renamed ?? field, ...rest];
  const path: string[] = [];
  let attributes: BlockDefinition["attributes"] | undefined = schema.attributes;
  for (const segment of segments) {
    const attribute: BlockDefinition["attributes"][string] | undefined = attributes?.[segment];
    if (!attribute) {
      break;
    }
    path.push(segment);
    attributes = attribute.nested?.nesting === "single" ? attribute.nested.attributes : undefined;
  }
  return path.length > 0 ? path : undefined;
}

/** fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND, a timeout) in `cause`. */
export function describeThrown(thrown: unknown): string {
  if (!(thrown instanceof Error)) {
    return String(thrown);
  }
  const cause = thrown.cause instanceof Error ? thrown.cause.message : undefined;
  return cause ? `${thrown.message} (${cause})` : thrown.message;
}

/** The fields of `next` that differ from `prior` (a PATCH sends only what changed). */
export function changedFields<T extends object>(next: T, prior: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify((prior as Record<string, unknown>)[key]),
    ),
  ) as Partial<T>;
}
