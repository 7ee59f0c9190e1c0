// Bad configurations are refused with a diagnostic on the offending attribute, and the server is left unchanged.

import { generateKeywardToken } from "@keyward/contract";
import { type Harness, startHarness } from "@keyward/testkit";
import {
  type CliClient,
  cliClients,
  clientSlug,
  createWorkspace,
  installHint,
  requiredProviders,
  supportsSecretFreeKeys,
} from "@keyward/testkit/terraform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const clients = await cliClients();
let keyward: Harness;
/** Where refused supplied tokens are tried: keys are created there, and `keyward` must stay unchanged. */
let tokenServer: Harness;

beforeAll(async () => {
  [keyward, tokenServer] = await Promise.all([startHarness(), startHarness()]);
});
afterAll(async () => {
  await Promise.all([keyward?.close(), tokenServer?.close()]);
});

const key = (attributes: string, username = "bad-config") => `${requiredProviders}
resource "keyward_integration_user" "u" {
  username = "${username}"
  name     = "Bad config"
}
resource "keyward_api_key" "k" {
  name    = "bad"
  user_id = keyward_integration_user.u.id
  ${attributes}
}
`;

/** Refused at validate/plan time, before anything reaches the server. */
const planCases: { name: string; config: string; diagnostic: RegExp; attribute: RegExp }[] = [
  {
    name: "unknown resource",
    config: key(`permissions = [{ resource = "tickets", actions = ["read"] }]`),
    diagnostic: /unknown\s+resource\s+"tickets"/,
    attribute: /permissions = \[/,
  },
  {
    name: "unknown action",
    config: key(`permissions = [{ resource = "documents", actions = ["read", "create"] }]`),
    diagnostic: /documents\s+has\s+no\s+action\s+"create"/,
    attribute: /permissions = \[/,
  },
  {
    name: "unknown field",
    config: key(`permissions = [{ resource = "people", actions = ["read"], fields = ["shoe_size"] }]`),
    diagnostic: /people\s+has\s+no\s+field\s+"shoe_size"/,
    attribute: /permissions = \[/,
  },
  {
    name: "expiry in the past",
    config: key(`preset = "events_read"\n  expires_at = "2001-01-01T00:00:00Z"`),
    diagnostic: /Expiry in the past[\s\S]*2001-01-01T00:00:00Z\s+is\s+not\s+in\s+the\s+future/,
    attribute: /expires_at = "2001/,
  },
  {
    name: "bad CIDR",
    config: key(`preset = "events_read"\n  allowed_ips = ["10.0.0.1/8"]`),
    diagnostic: /"10\.0\.0\.1\/8"\s+has\s+host\s+bits\s+set;\s+did\s+you\s+mean\s+10\.0\.0\.0\/8\?/,
    attribute: /allowed_ips = \[/,
  },
  {
    name: "neither permissions nor preset",
    config: key(""),
    diagnostic: /Missing permissions/,
    attribute: /resource "keyward_api_key" "k"/,
  },
  {
    name: "token_wo_version without token_wo",
    config: key(`preset = "events_read"\n  token_wo_version = 1`),
    diagnostic: /Missing token_wo[\s\S]*token_wo_version\s+is\s+set,\s+so\s+token_wo\s+must\s+be\s+set\s+too/,
    attribute: /resource "keyward_api_key" "k"/,
  },
  {
    name: "token_wo without token_wo_version",
    config: key(`preset = "events_read"\n  token_wo = "kw_3fZq9LxB7mN2pQ8rT1vW4yZ6aC0dE51Mw4NF"`),
    diagnostic: /Missing token_wo_version[\s\S]*bumping\s+token_wo_version\s+is\s+what\s+rotates/,
    attribute: /resource "keyward_api_key" "k"/,
  },
];

describe("bad configurations with real CLIs", () => {
  it("finds at least one Terraform-compatible CLI", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: diagnostics name the attribute; nothing changes`, async () => {
      await badConfigurations(client);
    }, 180_000);
  }
});

describe("a token the server refuses, supplied through token_wo (CLIs with write-only attributes)", () => {
  for (const client of clients.filter(supportsSecretFreeKeys)) {
    it.concurrent(`${client.name} ${client.version}: on create and on rotate, the diagnostic points at token_wo`, async () => {
      await refusedSuppliedTokens(client);
    }, 180_000);
  }
});

async function refusedSuppliedTokens(client: CliClient): Promise<void> {
  const slug = clientSlug(client);
  const holder = { username: `holder-${slug}`, keyPreset: "events_read", rolePreset: "events_read" };
  const inUse = (await tokenServer.integration(holder)).token;
  const valid = generateKeywardToken();
  // The checksum is the last 6 characters: change the last one.
  const badChecksum = `${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}`;
  const config = (token: string, version: number) =>
    key(`preset = "events_read"\n  token_wo = "${token}"\n  token_wo_version = ${version}`, `refused-${slug}`);
  const ws = await createWorkspace(client, tokenServer, `refused-token-${slug}`, config(valid, 1));
  const refusals: [token: string, answer: RegExp][] = [
    [badChecksum, /422 token_checksum_mismatch/],
    [inUse, /409 token_in_use/],
  ];
  /** Applies `token` at `version`: refused, and the diagnostic's source snippet is the token_wo line. */
  const expectRefused = async (token: string, version: number, summary: string, answer: RegExp) => {
    await ws.write(config(token, version));
    const { code, output } = await ws.exec(["apply", "-auto-approve", "-input=false"]);
    expect(code, output).toBe(1);
    expect(output).toMatch(new RegExp(`${summary}[\\s\\S]*${answer.source}`));
    // A path to the computed `token` (not in the configuration) would show the resource's first line instead.
    expect(output).toMatch(/\d+:\s+token_wo\s+= "kw_/);
  };

  for (const [token, answer] of refusals) {
    await expectRefused(token, 1, "Unable to create API key", answer);
  }
  await ws.write(config(valid, 1));
  await ws.run(["apply", "-auto-approve", "-input=false"]);
  for (const [token, answer] of refusals) {
    await expectRefused(token, 2, "Unable to rotate API key", answer);
  }
  expect((await tokenServer.clientFor(valid).GET("/v1/me")).response.status, "the key kept its token").toBe(200);
}

async function badConfigurations(client: CliClient): Promise<void> {
  const before = await keyward.dataFingerprint();
  const ws = await createWorkspace(client, keyward, clientSlug(client), planCases[0]?.config ?? "");
  for (const { name, config, diagnostic, attribute } of planCases) {
    await ws.write(config);
    const { code, output } = await ws.exec(["plan", "-input=false"]);
    expect(code, `${name}:\n${output}`).toBe(1);
    expect(output, name).toMatch(diagnostic);
    expect(output, name).toMatch(attribute);
  }

  // Refused by the server at apply time (presets are the server's): the field error points at the attribute.
  await ws.write(`${requiredProviders}
resource "keyward_role" "r" {
  name   = "${clientSlug(client)}-bad-preset"
  preset = "no_such_preset"
}
`);
  const preset = await ws.exec(["apply", "-auto-approve", "-input=false"]);
  expect(preset.code).toBe(1);
  expect(preset.output).toMatch(
    /Unable to create role[\s\S]*422\s+invalid_permissions[\s\S]*unknown\s+preset\s+"no_such_preset"/,
  );
  expect(preset.output).toMatch(/preset = "no_such_preset"/);

  // A wrong token or an unreachable endpoint fails at configure time with what to check.
  const wrongToken = await ws.exec(["plan", "-input=false"], { KEYWARD_TOKEN: "kwa_not_a_real_token" });
  expect(wrongToken.code).toBe(1);
  expect(wrongToken.output).toMatch(/Keyward refused the token[\s\S]*answered\s+401[\s\S]*KEYWARD_TOKEN/);
  const unreachable = await ws.exec(["plan", "-input=false"], { KEYWARD_ENDPOINT: "http://127.0.0.1:9" });
  expect(unreachable.code).toBe(1);
  expect(unreachable.output).toMatch(/Unable to reach Keyward[\s\S]*127\.0\.0\.1:9[\s\S]*KEYWARD_ENDPOINT/);
  expect(wrongToken.output + unreachable.output).not.toMatch(/at .*\.(c?js|ts):\d+/);

  expect(await keyward.dataFingerprint()).toBe(before);
}
