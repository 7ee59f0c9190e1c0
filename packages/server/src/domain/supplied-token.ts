// A key token made by the client (Terraform's `ephemeral "keyward_token"`) instead of by Keyward. The contract
// already limits it to the `kw_` shape; here the checksum and uniqueness are checked. Keyward stores only its hash,
// so the client is the one holder of the plaintext, which is what keeps it out of Terraform state.
import { generateKeywardToken, parseKeywardToken } from "@keyward/contract";
import { KeywardError } from "./errors.js";
import type { StoragePort } from "./ports.js";
import { hashToken } from "./tokens.js";

const field = "/body/token";

/** The token a create or rotate installs: the client's (checked), or a fresh one; `supplied` says which. */
export function tokenToInstall(supplied: string | undefined): { token: string; supplied: boolean } {
  if (supplied === undefined) {
    return { token: generateKeywardToken("key"), supplied: false };
  }
  const parsed = parseKeywardToken(supplied);
  if (!parsed.ok || parsed.kind !== "key") {
    throw new KeywardError(
      "token_checksum_mismatch",
      "The supplied token is not a Keyward key token: its checksum does not match.",
      {
        errors: [{ path: field, message: "must be a kw_ token with a valid checksum" }],
      },
    );
  }
  return { token: supplied, supplied: true };
}

/**
 * Refuses a token whose hash is stored: any key's current token (revoked keys included) or rotated-out token.
 * A token names one key. Run inside the transaction that installs it, so two requests can't both pass.
 */
export async function requireUnusedToken(store: StoragePort, token: string): Promise<void> {
  if (await store.keyByTokenHash(hashToken(token))) {
    throw new KeywardError("token_in_use", "The supplied token is already in use by a key; generate a new one.", {
      errors: [{ path: field, message: "already in use" }],
    });
  }
}
