import { describe, expect, it } from "vitest";
import { FrameworkServer } from "../../src/framework/framework-server.js";
import {
  attr,
  type CtyObject,
  defineDataSource,
  defineEphemeralResource,
  defineProvider,
  defineResource,
  type Provider,
  providerSchemaJson,
  Unknown,
  useStateForUnknown,
} from "../../src/index.js";

const secretSchema = {
  version: 1,
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    secret_wo: attr.string({ optional: true, sensitive: true, writeOnly: true }),
    secret_wo_version: attr.number({ optional: true }),
    secret_length: attr.number({ computed: true, planModifiers: [useStateForUnknown()] }),
    items: attr.listNested(
      { key_wo: attr.string({ optional: true, writeOnly: true }), name: attr.string({ optional: true }) },
      { optional: true },
    ),
  },
} as const;

/** What create and update saw in their config: the write-only values reach the handlers. */
const received: unknown[] = [];

// Every handler echoes the write-only value back into state, as a careless provider would: the framework must null it.
const secret = defineResource({
  typeName: "test_secret",
  schema: secretSchema,
  create({ config }, resp) {
    received.push(config.secret_wo);
    resp.state = { ...config, id: "s-1", secret_length: config.secret_wo?.length ?? 0 };
  },
  read({ state }, resp) {
    resp.state = { ...state, secret_wo: "leaked by read" };
  },
  update({ config, state }, resp) {
    received.push(config.secret_wo);
    resp.state = { ...config, id: state.id, secret_length: config.secret_wo?.length ?? 0 };
  },
  delete() {},
  importState({ id }, resp) {
    resp.state = {
      ...resp.state,
      id,
      secret_wo: "leaked by import",
      items: [{ key_wo: "leaked by import", name: "n" }],
    };
  },
  upgradeState({ rawState }, resp) {
    resp.state = { ...(rawState as CtyObject), secret_wo: "leaked by upgrade" } as never;
  },
});

const provider = defineProvider({ schema: { attributes: {} }, configure: () => ({}), resources: [secret] });

async function configuredServer(): Promise<FrameworkServer<unknown>> {
  const server = new FrameworkServer(provider as Provider);
  await server.configureProvider({ terraformVersion: "1.11.4", config: {} });
  return server;
}

const config = {
  id: null,
  secret_wo: "s3cret",
  secret_wo_version: 1,
  secret_length: null,
  items: [{ key_wo: "k", name: "n" }],
};
const stored = {
  id: "s-1",
  secret_wo: null,
  secret_wo_version: 1,
  secret_length: 6,
  items: [{ key_wo: null, name: "n" }],
};
const typeName = "test_secret";

describe("write-only attributes are null in every state returned to core", () => {
  const cases: Record<string, (server: FrameworkServer<unknown>) => Promise<unknown>> = {
    "plan of a create": async (s) =>
      (
        await s.planResourceChange({
          typeName,
          priorState: null,
          proposedNewState: config,
          config,
          priorPrivate: undefined,
        })
      ).plannedState,
    "plan of an update": async (s) => {
      const changed = { ...config, secret_wo_version: 2 };
      return (
        await s.planResourceChange({
          typeName,
          priorState: stored,
          proposedNewState: { ...changed, id: "s-1", secret_length: 6 },
          config: changed,
          priorPrivate: undefined,
        })
      ).plannedState;
    },
    "apply of a create": async (s) =>
      (
        await s.applyResourceChange({
          typeName,
          priorState: null,
          plannedState: { ...stored, id: Unknown, secret_length: Unknown },
          config,
          plannedPrivate: undefined,
        })
      ).state,
    "apply of an update": async (s) =>
      (
        await s.applyResourceChange({
          typeName,
          priorState: stored,
          plannedState: { ...stored, secret_wo_version: 2 },
          config: { ...config, secret_wo_version: 2 },
          plannedPrivate: undefined,
        })
      ).state,
    read: async (s) => (await s.readResource({ typeName, currentState: stored, private: undefined })).state,
    import: async (s) => (await s.importResourceState({ typeName, id: "s-9" })).importedResources[0]?.state,
    "upgrade from an older schema version": async (s) =>
      (
        await s.upgradeResourceState({
          typeName,
          version: 0,
          rawStateJson: JSON.stringify({ ...stored, secret_wo: "old" }),
        })
      ).state,
    "upgrade at the current version": async (s) =>
      (
        await s.upgradeResourceState({
          typeName,
          version: 1,
          rawStateJson: JSON.stringify({ ...stored, secret_wo: "old" }),
        })
      ).state,
  };
  for (const [name, respond] of Object.entries(cases)) {
    it(`nulls them in the ${name} response, nested ones included`, async () => {
      const state = (await respond(await configuredServer())) as CtyObject;
      expect(state).toMatchObject({ secret_wo: null, items: [{ key_wo: null, name: "n" }] });
    });
  }

  it("hands the configured value to create and update, though the plan holds null", async () => {
    received.length = 0;
    const server = await configuredServer();
    const created = await server.applyResourceChange({
      typeName,
      priorState: null,
      plannedState: { ...stored, id: Unknown, secret_length: Unknown },
      config,
      plannedPrivate: undefined,
    });
    await server.applyResourceChange({
      typeName,
      priorState: stored,
      plannedState: { ...stored, secret_wo_version: 2 },
      config: { ...config, secret_wo: "rotated!", secret_wo_version: 2 },
      plannedPrivate: undefined,
    });
    expect(received).toEqual(["s3cret", "rotated!"]);
    expect(created.state).toMatchObject({ secret_length: 6 });
  });

  it("plans no change when only the write-only value differs from the stored null", async () => {
    const server = await configuredServer();
    const result = await server.planResourceChange({
      typeName,
      priorState: stored,
      proposedNewState: { ...config, id: "s-1", secret_length: 6 },
      config,
      priorPrivate: undefined,
    });
    expect(result.plannedState).toEqual(stored);
  });
});

describe("write-only attributes on a CLI without write-only support", () => {
  const validate = async (writeOnlyAttributesAllowed: boolean, values: Partial<typeof config>) =>
    new FrameworkServer(provider as Provider).validateResourceConfig({
      typeName,
      config: { ...config, secret_wo: null, items: null, ...values },
      clientCapabilities: { writeOnlyAttributesAllowed },
    });
  const cases: { name: string; allowed: boolean; values: Partial<typeof config>; errorPaths: unknown[] }[] = [
    { name: "refuses a set value", allowed: false, values: { secret_wo: "x" }, errorPaths: [["secret_wo"]] },
    {
      name: "refuses a value still unknown",
      allowed: false,
      values: { secret_wo: Unknown as never },
      errorPaths: [["secret_wo"]],
    },
    {
      name: "refuses a nested value",
      allowed: false,
      values: { items: [{ key_wo: "k", name: null as never }] },
      errorPaths: [["items", 0, "key_wo"]],
    },
    { name: "accepts a config that leaves them null", allowed: false, values: {}, errorPaths: [] },
    {
      name: "accepts any value when the client supports them",
      allowed: true,
      values: { secret_wo: "x" },
      errorPaths: [],
    },
  ];
  for (const { name, allowed, values, errorPaths } of cases) {
    it(name, async () => {
      const diagnostics = await validate(allowed, values);
      expect(diagnostics.map((d) => d.attributePath)).toEqual(errorPaths);
    });
  }

  it("names the CLI versions that support them", async () => {
    const [diagnostic] = await validate(false, { secret_wo: "x" });
    expect(diagnostic).toMatchObject({ severity: "error", summary: "Write-only attribute not supported by this CLI" });
    expect(diagnostic?.detail).toContain("test_secret: secret_wo is a write-only attribute");
    expect(diagnostic?.detail).toContain("Terraform 1.11 and later and OpenTofu 1.11 and later");
  });
});

describe("write-only attributes in schemas", () => {
  const writeOnly = { attributes: { value: attr.string({ optional: true, writeOnly: true }) } };
  const schemaOf = (definition: Parameters<typeof defineProvider>[0]) => () =>
    providerSchemaJson(defineProvider(definition), "example.test/t/t");
  const base = { schema: { attributes: {} }, configure: () => ({}), resources: [] };
  const cases: Record<string, [Parameters<typeof defineProvider>[0], RegExp]> = {
    computed: [
      {
        ...base,
        resources: [
          defineResource({
            typeName: "t_a",
            schema: { attributes: { v: attr.string({ computed: true, writeOnly: true }) } },
            create() {},
            read() {},
            delete() {},
          }),
        ],
      },
      /v is write-only and therefore cannot be computed/,
    ],
    "inside a set": [
      {
        ...base,
        resources: [
          defineResource({
            typeName: "t_a",
            schema: { attributes: { s: attr.setNested(writeOnly.attributes, { optional: true }) } },
            create() {},
            read() {},
            delete() {},
          }),
        ],
      },
      /s\.value is write-only inside a set/,
    ],
    "in a data source": [
      { ...base, dataSources: [defineDataSource({ typeName: "t_d", schema: writeOnly, read() {} })] },
      /t_d: attribute value is write-only, which only managed resources may be/,
    ],
    "in an ephemeral resource": [
      { ...base, ephemeralResources: [defineEphemeralResource({ typeName: "t_e", schema: writeOnly, open() {} })] },
      /t_e: attribute value is write-only/,
    ],
    "in the provider": [{ ...base, schema: writeOnly }, /the provider: attribute value is write-only/],
  };
  for (const [name, [definition, error]] of Object.entries(cases)) {
    it(`are refused ${name}`, () => {
      expect(schemaOf(definition)).toThrow(error);
    });
  }

  it("are marked write_only in the schema JSON", () => {
    const json = providerSchemaJson(provider, "example.test/t/t");
    const attributes = json.provider_schemas["example.test/t/t"]?.resource_schemas?.test_secret?.block.attributes;
    expect(attributes?.secret_wo).toEqual({
      type: "string",
      description_kind: "plain",
      optional: true,
      sensitive: true,
      write_only: true,
    });
    expect(attributes?.secret_wo_version).not.toHaveProperty("write_only");
  });
});
