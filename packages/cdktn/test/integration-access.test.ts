// The secret-free IntegrationAccess synthesises an ephemeral keyward_token handed to the key's write-only token_wo,
// beside the same dedicated user and least-privilege role as @keyward/cdktf's; nothing refers to the key's `token`.
import { TerraformStack, TerraformVariable, Testing } from "cdktn";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  ApiKey,
  EphemeralKeywardToken,
  IntegrationAccess,
  type IntegrationAccessProps,
  IntegrationUser,
  KeywardProvider,
  Role,
} from "../src/index.js";

interface Synthesised {
  readonly json: string;
  readonly ephemeral: Record<string, Record<string, Record<string, unknown>>>;
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
}

function synth(build: (scope: Construct) => void): Synthesised {
  const json = Testing.synthScope(build);
  const parsed = JSON.parse(json) as Partial<Synthesised>;
  return { json, ephemeral: parsed.ephemeral ?? {}, resource: parsed.resource ?? {} };
}

/** The only block of `type` in `blocks`, with its logical id. */
function only(blocks: Synthesised["resource"], type: string): [string, Record<string, unknown>] {
  const entries = Object.entries(blocks[type] ?? {});
  expect(entries, type).toHaveLength(1);
  return entries[0] as [string, Record<string, unknown>];
}

const website: IntegrationAccessProps = { name: "website", preset: "events_read" };
/** What a project using it declares (cdktf.json `targetVersions`, or App context). */
const secretFreeCliVersions = { terraform: ">=1.11.1", opentofu: ">=1.11.0" };

describe("IntegrationAccess (CDK Terrain, secret-free)", () => {
  it("hands the key a new ephemeral keyward_token through token_wo, version 1", () => {
    const out = synth((scope) => new IntegrationAccess(scope, "website", website));
    const [token] = only(out.ephemeral, EphemeralKeywardToken.tfResourceType);
    const [, key] = only(out.resource, ApiKey.tfResourceType);
    expect(key).toMatchObject({
      name: "website",
      preset: "events_read",
      token_wo: `\${ephemeral.keyward_token.${token}.token}`,
      token_wo_version: 1,
    });
    expect(key).not.toHaveProperty("rotation_grace_period_seconds");
    expect(out.json).not.toMatch(/keyward_api_key\.[^.]+\.token\b/);
  });

  it("creates the same dedicated user and least-privilege role, the key owned by that user", () => {
    const out = synth(
      (scope) =>
        new IntegrationAccess(scope, "scanner", {
          name: "attendance-scanner",
          permissions: [{ resource: "people", actions: ["read"] }],
          fieldLimits: { people: ["first_name"] },
        }),
    );
    const [roleId, role] = only(out.resource, Role.tfResourceType);
    const [userId, user] = only(out.resource, IntegrationUser.tfResourceType);
    const grants = [{ resource: "people", actions: ["read"], fields: ["first_name"] }];
    expect(role).toMatchObject({ name: "attendance-scanner-access", permissions: grants });
    expect(user).toMatchObject({ username: "attendance-scanner", role_ids: [`\${keyward_role.${roleId}.id}`] });
    expect(
      Testing.toHaveResourceWithProperties(out.json, ApiKey.tfResourceType, {
        user_id: `\${keyward_integration_user.${userId}.id}`,
        permissions: grants,
      }),
    ).toBe(true);
  });

  it("uses a given ephemeral token, version and grace period instead of making a token", () => {
    const out = synth((scope) => {
      const stored = new EphemeralKeywardToken(scope, "stored");
      const access = new IntegrationAccess(scope, "website", {
        ...website,
        token: stored.token,
        tokenVersion: 3,
        rotationGracePeriodSeconds: 3600,
      });
      expect([access.ephemeralToken, access.tokenVersion]).toEqual([undefined, 3]);
    });
    expect(Object.keys(out.ephemeral[EphemeralKeywardToken.tfResourceType] ?? {})).toEqual(["stored"]);
    expect(only(out.resource, ApiKey.tfResourceType)[1]).toMatchObject({
      token_wo: `${"$"}{ephemeral.keyward_token.stored.token}`,
      token_wo_version: 3,
      rotation_grace_period_seconds: 3600,
    });
  });

  it("exposes the token as the ephemeral reference, for a secret store's write-only input", () => {
    const out = synth((scope) => {
      const access = new IntegrationAccess(scope, "website", website);
      new ApiKey(scope, "probe", { name: "probe", userId: access.user.id, tokenWo: access.token, tokenWoVersion: 1 });
    });
    const [token] = only(out.ephemeral, EphemeralKeywardToken.tfResourceType);
    expect(out.resource[ApiKey.tfResourceType]?.probe?.token_wo).toBe(`\${ephemeral.keyward_token.${token}.token}`);
  });

  it("uses the given provider for the ephemeral token and every resource", () => {
    const stack = new TerraformStack(Testing.app({ context: { targetVersions: secretFreeCliVersions } }), "stack");
    new KeywardProvider(stack, "default", {});
    const staging = new KeywardProvider(stack, "staging", { alias: "staging", endpoint: "https://staging.example" });
    new IntegrationAccess(stack, "website", { ...website, provider: staging });
    const json = JSON.parse(Testing.synth(stack)) as Record<
      string,
      Record<string, Record<string, { provider?: string }>>
    >;
    const providers = ["ephemeral", "resource"].flatMap((kind) =>
      Object.values(json[kind] ?? {}).flatMap((byId) => Object.values(byId).map((block) => block.provider)),
    );
    expect(providers).toEqual(Array(4).fill("keyward.staging"));
  });

  it("passes cdktn's validations in a project targeting Terraform ≥ 1.11.1 / OpenTofu ≥ 1.11, and names the CLIs otherwise", () => {
    const stackIn = (app: ReturnType<typeof Testing.app>) => {
      const stack = new TerraformStack(app, "stack");
      new KeywardProvider(stack, "keyward", {});
      new IntegrationAccess(stack, "website", website);
      return stack;
    };
    expect(() =>
      Testing.synth(stackIn(Testing.app({ context: { targetVersions: secretFreeCliVersions } })), true),
    ).not.toThrow();
    expect(() => Testing.synth(stackIn(Testing.app()), true)).toThrow(
      /ephemeral resources requires terraform >=1\.10\.0[\s\S]*write-only attributes requires opentofu >=1\.11\.0/,
    );
  });

  it("refuses a literal token: it would be written into the synthesised JSON", () => {
    expect(() =>
      synth(
        (scope) =>
          new IntegrationAccess(scope, "website", { ...website, token: "kw_3fZq9LxB7mN2pQ8rT1vW4yZ6aC0dE51Mw4NF" }),
      ),
    ).toThrow(/IntegrationAccess "[^"]*website": token must be an ephemeral value .* not a literal/);
  });

  it("refuses at synth what the server would refuse, through the checks it shares with @keyward/cdktf", () => {
    const construct = (change: Partial<IntegrationAccessProps>) => () =>
      synth((scope) => new IntegrationAccess(scope, "access", { ...website, ...change }));
    expect(construct({ preset: undefined, permissions: [] })).toThrow(
      /IntegrationAccess "[^"]*access": permissions must grant at least one action/,
    );
    expect(construct({ preset: undefined, permissions: [{ resource: "events", actions: ["publish"] }] })).toThrow(
      'events has no action "publish"',
    );
    expect(construct({ expiresAt: "2020-01-01T00:00:00Z" })).toThrow("is in the past");
  });

  it("leaves to the server what is known only at apply time", () => {
    expect(() => {
      const stack = new TerraformStack(Testing.app(), "stack");
      const name = new TerraformVariable(stack, "name", { type: "string" });
      new IntegrationAccess(stack, "access", { ...website, name: name.stringValue });
    }).not.toThrow();
  });
});
