// What keyward_api_key and keyward_management_token share as credentials whose secret exists only in the create
// response: a revoked or expired one can never authenticate again, so it is planned for replacement, and an
// expiry sent to the server must lie ahead.
import type { AttributePath, Diagnostics } from "@keyward/tfplugin";
import { known } from "./values.js";

interface CredentialState {
  id: string | null;
  status: string | null;
  expires_at: string | null;
}

/** A credential that can never authenticate again; only a new one helps. */
export const isDead = (state: CredentialState | null): boolean =>
  state?.status === "revoked" || state?.status === "expired";

/** Forces replacement of a dead credential. */
export const replaceDead: AttributePath = ["status"];

/**
 * An expiry the server would refuse, reported at plan time. Checked in modifyPlan rather than validate, so that a
 * credential whose expiry has passed can still be destroyed; only sent values (new, replaced or changed) count.
 */
export function checkExpiryAhead(
  plannedExpiry: string | null | symbol,
  state: CredentialState | null,
  replacing: boolean,
  what: string,
  diagnostics: Diagnostics,
): void {
  const expiresAt = known(plannedExpiry);
  const sent = state === null || replacing || expiresAt !== state.expires_at;
  if (typeof expiresAt === "string" && sent && Date.parse(expiresAt) <= Date.now()) {
    diagnostics.error(
      "Expiry in the past",
      `expires_at ${expiresAt} is not in the future${replacing ? ` (${what} ${state?.id} is ${state?.status} and must be replaced)` : ""}. Use a later time, or null for a ${what} that never expires.`,
      ["expires_at"],
    );
  }
}
