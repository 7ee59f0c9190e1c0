import { describe, expect, it } from "vitest";
import {
  handshakeLine,
  handshakeProblem,
  MAGIC_COOKIE_VALUE,
  NOT_A_PLUGIN_MESSAGE,
  reattachLine,
} from "../../src/protocol/handshake.js";

const problems: Record<string, { given: NodeJS.ProcessEnv; want: RegExp | undefined }> = {
  "Terraform's environment": {
    given: { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "5,6" },
    want: undefined,
  },
  "versions in either order": {
    given: { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "6,5" },
    want: undefined,
  },
  "no cookie": { given: {}, want: /^This binary is a plugin/ },
  "wrong cookie": { given: { TF_PLUGIN_MAGIC_COOKIE: "nope" }, want: /^This binary is a plugin/ },
  "protocol 5 only": {
    given: { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "5" },
    want: /protocol version 6/,
  },
};

describe("handshake", () => {
  for (const [name, { given, want }] of Object.entries(problems)) {
    it(`checks ${name}`, () => {
      const problem = handshakeProblem(given);
      if (want) {
        expect(problem).toMatch(want);
      } else {
        expect(problem).toBeUndefined();
      }
    });
  }

  it("prints the certificate without base64 padding", () => {
    expect(handshakeLine("/tmp/p.sock", Uint8Array.of(1, 2, 3, 4))).toBe("1|6|unix|/tmp/p.sock|grpc|AQIDBA\n");
  });

  it("leaves the certificate field empty for plaintext", () => {
    expect(handshakeLine("/tmp/p.sock", undefined)).toBe("1|6|unix|/tmp/p.sock|grpc|\n");
  });

  it("explains itself like go-plugin servers", () => {
    expect(NOT_A_PLUGIN_MESSAGE).toContain("These are not meant to be executed directly");
  });

  it("prints a reattach line with Test:true for protocol 6", () => {
    const line = reattachLine("example.test/a/b", "/tmp/p.sock", 42);
    const json = JSON.parse(/^TF_REATTACH_PROVIDERS='(.*)'\n$/.exec(line)?.[1] ?? "null");
    expect(json).toEqual({
      "example.test/a/b": {
        Protocol: "grpc",
        ProtocolVersion: 6,
        Pid: 42,
        Test: true,
        Addr: { Network: "unix", String: "/tmp/p.sock" },
      },
    });
  });
});
