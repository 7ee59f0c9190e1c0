// Provider configuration: one SDK client per provider process, checked with one authenticated call so a wrong
// endpoint or token fails at configure time with a sentence saying what to check, not later with a stack trace.

import { createKeywardClient, type KeywardClient } from "@keyward/sdk";
import { type Diagnostics, isUnknown, type Model, type Planned } from "@keyward/tfplugin";
import { describeThrown } from "./api.js";
import type { providerSchema } from "./generated/schemas.js";
import { createHttpFetch, HttpRequest } from "./http-fetch.js";
import { ListSnapshots } from "./list-snapshot.js";

export interface ProviderClient {
  readonly api: KeywardClient;
  readonly endpoint: string;
  /** Reads answered from one list call per resource type (see list-snapshot.ts). */
  readonly lists: ListSnapshots;
}

type ProviderConfig = Planned<Model<typeof providerSchema>>;

const CHECK_TIMEOUT_MS = 15_000;

export async function configureClient(config: ProviderConfig, diagnostics: Diagnostics): Promise<ProviderClient> {
  const endpoint = setting(config.endpoint, "KEYWARD_ENDPOINT", "endpoint", diagnostics);
  const token = setting(config.token, "KEYWARD_TOKEN", "token", diagnostics);
  const lists = new ListSnapshots(() => api);
  // node:http with keep-alive rather than the built-in fetch: see http-fetch.ts (every plan refreshes every resource).
  const send = createHttpFetch();
  const api = createKeywardClient(
    { baseUrl: endpoint.replace(/\/+$/, ""), token },
    {
      fetch: (request, init) => {
        if (request.method !== "GET") {
          lists.dropAll();
        }
        return send(request, init);
      },
      Request: HttpRequest as unknown as typeof Request,
    },
  );
  const client = { api, endpoint, lists };
  if (diagnostics.hasErrors()) {
    return client;
  }
  if (!/^https?:\/\/[^/]/.test(endpoint) || !URL.canParse(endpoint)) {
    diagnostics.error(
      "Invalid Keyward endpoint",
      `endpoint ${JSON.stringify(endpoint)} is not an http(s) URL; use e.g. "http://localhost:8080".`,
      ["endpoint"],
    );
    return client;
  }
  await checkAccess(client, diagnostics);
  return client;
}

/** The configured value, else the environment variable; a missing or unknown value is an error on the attribute. */
function setting(value: string | null | symbol, envName: string, attribute: string, diagnostics: Diagnostics): string {
  if (isUnknown(value)) {
    diagnostics.error(
      `Keyward ${attribute} not known yet`,
      `The provider's ${attribute} depends on a value known only after apply; the provider needs it to plan. Use a value known at plan time or ${envName}.`,
      [attribute],
    );
    return "";
  }
  const resolved = (typeof value === "string" ? value : undefined) ?? process.env[envName] ?? "";
  if (resolved === "") {
    diagnostics.error(
      `Missing Keyward ${attribute}`,
      `Set the provider's ${attribute} argument or the ${envName} environment variable.`,
      [attribute],
    );
  }
  return resolved;
}

/**
 * GET /v1/management-token needs a management token and no scope: it proves the endpoint is Keyward and the token
 * may manage it, whichever scopes the configuration needs (each operation's missing scope is reported where used).
 */
async function checkAccess({ api, endpoint }: ProviderClient, diagnostics: Diagnostics): Promise<void> {
  let response: Response;
  let code: string | undefined;
  try {
    const result = await api.GET("/v1/management-token", { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    response = result.response;
    code = (result.error as { code?: string } | undefined)?.code;
  } catch (thrown) {
    diagnostics.error(
      "Unable to reach Keyward",
      `No answer from ${endpoint}: ${describeThrown(thrown)}. Check the provider's endpoint (or KEYWARD_ENDPOINT) and that the Keyward server is running.`,
      ["endpoint"],
    );
    return;
  }
  if (response.ok) {
    return;
  }
  const answered = `${endpoint} answered ${response.status}${code ? ` ${code}` : ""}`;
  if (response.status === 401) {
    diagnostics.error(
      "Keyward refused the token",
      `${answered}. Check the provider's token (or KEYWARD_TOKEN): it must be a valid management token (kwa_…).`,
      ["token"],
    );
  } else if (response.status === 403) {
    diagnostics.error(
      "The token is not a management token",
      `${answered}. The provider manages users, roles and keys, which needs a management token (kwa_…), not an integration key.`,
      ["token"],
    );
  } else {
    diagnostics.error(
      "Unexpected answer from Keyward",
      `${answered} to GET /v1/management-token. Check that the provider's endpoint (or KEYWARD_ENDPOINT) is the Keyward server's base URL.`,
      ["endpoint"],
    );
  }
}
