// @keyward/contract: everything derived from openapi.yaml that more than one package needs. Browser-safe: no
// Node-only imports (test/browser-safe.test.ts checks dist). The contract itself: `@keyward/contract/openapi.yaml`.
import type { operations } from "./generated/schema.js";

export type * from "./generated/schema.js";
/** The contract's operations by `operationId`. */
export type OperationId = keyof operations;
export { managementScopes, permissionCatalog } from "./generated/catalog.js";
export { consoleCsrfHeader, consoleSessionCookie } from "./generated/console-session.js";
export { presetNamePattern, roleNamePattern, usernamePattern } from "./generated/patterns.js";
export { type IpRange, ipAllowed, ipRuleError, parseIpRule } from "./ip-rules.js";
export { isRfc3339Timestamp } from "./timestamp.js";
export {
  BASE62,
  crc32,
  generateKeywardToken,
  keywardTokenChecksum,
  looksLikeKeywardToken,
  type ParsedToken,
  parseKeywardToken,
  randomBase62,
  TOKEN_CHECKSUM_LENGTH,
  TOKEN_PREFIX,
  TOKEN_RANDOM_LENGTH,
  type TokenKind,
} from "./token.js";
