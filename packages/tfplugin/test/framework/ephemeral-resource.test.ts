import { describe, expect, it } from "vitest";
import { FrameworkServer } from "../../src/framework/framework-server.js";
import {
  type AttributeValidator,
  attr,
  defineEphemeralResource,
  defineProvider,
  type EphemeralResource,
  errorDiagnostic,
  Unknown,
} from "../../src/index.js";

const tokenSchema = {
  attributes: {
    prefix: attr.string({ optional: true, computed: true, default: "tok_" }),
    length: attr.number({ required: true }),
    token: attr.string({ computed: true, sensitive: true }),
  },
} as const;

const events: string[] = [];
const renewAt = new Date("2030-01-01T00:00:00.250Z");

const positive: AttributeValidator = {
  description: "must be positive",
  validate: (value, path) => (Number(value) > 0 ? [] : [errorDiagnostic("Invalid length", "must be positive", path)]),
};

const token = defineEphemeralResource({
  typeName: "test_token",
  schema: {
    ...tokenSchema,
    attributes: { ...tokenSchema.attributes, length: attr.number({ required: true, validators: [positive] }) },
  },
  open({ config }, resp) {
    resp.result.token = `${config.prefix}${"x".repeat(Number(config.length))}`;
    resp.private = new TextEncoder().encode("lease-1");
    resp.renewAt = renewAt;
  },
  renew(req, resp) {
    events.push(`renew ${new TextDecoder().decode(req.private)}`);
    resp.private = new TextEncoder().encode("lease-2");
  },
  close(req) {
    events.push(`close ${new TextDecoder().decode(req.private)}`);
  },
});

function server(resource: EphemeralResource = token as EphemeralResource): FrameworkServer<unknown> {
  return new FrameworkServer<unknown>(
    defineProvider<{ attributes: Record<string, never> }, unknown>({
      schema: { attributes: {} },
      configure: () => ({}),
      resources: [],
      ephemeralResources: [resource],
    }),
  );
}

async function configured(resource?: EphemeralResource): Promise<FrameworkServer<unknown>> {
  const s = server(resource);
  await s.configureProvider({ terraformVersion: "1.11.4", config: {} });
  return s;
}

const config = { prefix: null, length: 3, token: null };

describe("ephemeral resources", () => {
  it("open starts from the config with defaults and returns the result, private state and renewal time", async () => {
    const opened = await (await configured()).openEphemeralResource({ typeName: "test_token", config });
    expect(opened).toEqual({
      result: { prefix: "tok_", length: 3, token: "tok_xxx" },
      private: new TextEncoder().encode("lease-1"),
      renewAt,
      diagnostics: [],
    });
  });

  it("renew and close receive only the private state", async () => {
    events.length = 0;
    const s = await configured();
    const renewed = await s.renewEphemeralResource({
      typeName: "test_token",
      private: new TextEncoder().encode("lease-1"),
    });
    expect(renewed).toEqual({ private: new TextEncoder().encode("lease-2"), renewAt: undefined, diagnostics: [] });
    expect(await s.closeEphemeralResource({ typeName: "test_token", private: renewed.private })).toEqual([]);
    expect(events).toEqual(["renew lease-1", "close lease-2"]);
  });

  it("close without a close handler has nothing to release", async () => {
    const bare = defineEphemeralResource({
      typeName: "test_token",
      schema: tokenSchema,
      open() {},
    }) as EphemeralResource;
    expect(
      await (await configured(bare)).closeEphemeralResource({ typeName: "test_token", private: undefined }),
    ).toEqual([]);
  });

  const failures: Record<
    string,
    { resource: Partial<Parameters<typeof defineEphemeralResource>[0]>; summary: string }
  > = {
    "leaves a value unknown": {
      resource: {
        open: (_req, resp) => {
          resp.result.token = Unknown;
        },
      },
      summary: "Unknown values after open",
    },
    "sets renewAt without a renew handler": {
      resource: {
        open: (_req, resp) => {
          resp.result.token = "t";
          resp.renewAt = renewAt;
        },
      },
      summary: "Renew not implemented",
    },
    throws: {
      resource: {
        open: () => {
          throw new Error("boom");
        },
      },
      summary: "Unexpected error in test_token open",
    },
  };
  for (const [name, { resource, summary }] of Object.entries(failures)) {
    it(`open that ${name} is an error with no result`, async () => {
      const definition = defineEphemeralResource({
        typeName: "test_token",
        schema: tokenSchema,
        open() {},
        ...(resource as object),
      }) as EphemeralResource;
      const opened = await (await configured(definition)).openEphemeralResource({ typeName: "test_token", config });
      expect(opened.result).toBeNull();
      expect(opened.diagnostics).toEqual([expect.objectContaining({ severity: "error", summary })]);
    });
  }

  it("open before the provider is configured is an error", async () => {
    const opened = await server().openEphemeralResource({ typeName: "test_token", config });
    expect(opened.diagnostics).toEqual([expect.objectContaining({ summary: "Provider not configured" })]);
  });

  it("validation runs attribute validators and skips unknown values", async () => {
    const s = server();
    const invalid = await s.validateEphemeralResourceConfig({
      typeName: "test_token",
      config: { ...config, length: 0 },
    });
    expect(invalid.map((d) => d.attributePath)).toEqual([["length"]]);
    expect(
      await s.validateEphemeralResourceConfig({ typeName: "test_token", config: { ...config, length: Unknown } }),
    ).toEqual([]);
  });

  it("an unknown type name is refused", async () => {
    await expect((await configured()).openEphemeralResource({ typeName: "test_nope", config })).rejects.toThrow(
      'The provider has no ephemeral resource type named "test_nope".',
    );
  });

  it("are listed in the provider's schemas", () => {
    expect(Object.keys(server().schemas.ephemeralResources)).toEqual(["test_token"]);
  });
});
