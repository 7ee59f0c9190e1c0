// @keyward/sdk: the openapi-fetch client for the Keyward contract plus a few helpers.
// Browser-safe: no Node-only imports or globals anywhere in src (test/build.test.ts checks dist).

export { crc32, generateKeywardToken, keywardTokenChecksum, looksLikeKeywardToken } from "@keyward/contract";
export type { BasicAuth, BearerAuth, KeywardAuth, SessionAuth } from "./auth.js";
export {
  createKeywardClient,
  type KeywardClient,
  type KeywardClientConfig,
  type KeywardClientOptions,
} from "./client.js";
export { type FetchResult, KeywardApiError, type UnwrappedData, unwrap } from "./errors.js";
export { type PageItem, type PaginatedPath, paginate } from "./paginate.js";
export type { FetchLike, RetryOptions } from "./retry.js";
export type * from "./schema.js";
export { SDK_VERSION } from "./version.js";
