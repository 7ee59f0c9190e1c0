import { readFile } from "node:fs/promises";
import { providerSchemaJson } from "@keyward/tfplugin";
import { describe, expect, it } from "vitest";
import { keywardProvider, providerAddress } from "../src/provider.js";

describe("the provider schema", () => {
  it("is exactly the committed provider-schema.json generated from openapi.yaml", async () => {
    const committed = JSON.parse(
      await readFile(new URL("../src/generated/provider-schema.json", import.meta.url), "utf8"),
    );
    expect(providerSchemaJson(keywardProvider, providerAddress)).toEqual(committed);
  });
});
