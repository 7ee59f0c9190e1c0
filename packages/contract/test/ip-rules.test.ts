import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { ipAllowed, ipRuleError, parseIpRule } from "../src/index.js";

describe("ipRuleError (strict rules: what the server enforces and plan and synth refuse)", () => {
  it.each([
    "203.0.113.0/24",
    "10.0.0.1",
    "0.0.0.0/0",
    "2001:db8::/32",
    "::1",
    "::ffff:192.0.2.0/120",
    "fe80::/10",
  ])("accepts %s", (rule) => {
    expect(ipRuleError(rule)).toBeUndefined();
  });

  it.each([
    ["010.0.0.1", /not an IP address/],
    ["10.1", /not an IP address/],
    ["0x0a.0.0.1", /not an IP address/],
    ["10.0.0.0/8/8", /not an IP address/],
    ["fe80::1%eth0", /not an IP address/],
    ["10.0.0.0/08", /invalid prefix length/],
    ["10.0.0.0/33", /longer than 32 bits/],
    ["2001:db8::/129", /longer than 128 bits/],
    ["10.0.0.1/8", /host bits set; did you mean 10\.0\.0\.0\/8\?/],
    ["2001:db8::1/32", /host bits set; did you mean 2001:db8::\/32\?/],
    ["::ffff:192.0.2.1/120", /host bits set; did you mean ::ffff:c000:200\/120\?/],
  ])("refuses %s", (rule, message) => {
    expect(ipRuleError(rule)).toMatch(message);
  });

  it("reads addresses as Node's net.isIP does (zones aside)", () => {
    const addresses = [
      "1.2.3.4",
      "255.255.255.255",
      "256.1.1.1",
      "1.2.3",
      "1.2.3.4.5",
      "01.2.3.4",
      "1.2.3.04",
      " 1.2.3.4",
      "::",
      "::1",
      "1::",
      "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:9",
      "1::2::3",
      "::ffff:1.2.3.4",
      "1:2:3:4:5:6:1.2.3.4",
      "12345::",
      "g::",
      "1:2:3:4:5:6:7::",
      "::1.2.3.4",
      "fe80::1:2:3:4:5",
      ":1:2",
      "1:2:",
      "",
    ];
    for (const address of addresses) {
      expect("range" in parseIpRule(address), address).toBe(isIP(address) !== 0);
    }
  });
});

describe("ipAllowed", () => {
  it("lets any address through when there are no rules", () => {
    expect(ipAllowed([], undefined)).toBe(true);
    expect(ipAllowed([], "203.0.113.9")).toBe(true);
  });

  it("matches addresses and ranges of the client's family", () => {
    expect(ipAllowed(["203.0.113.0/24"], "203.0.113.200")).toBe(true);
    expect(ipAllowed(["203.0.113.0/24"], "203.0.114.1")).toBe(false);
    expect(ipAllowed(["10.0.0.1"], "10.0.0.1")).toBe(true);
    expect(ipAllowed(["0.0.0.0/0"], "2001:db8::1")).toBe(false);
    expect(ipAllowed(["2001:db8::/32"], "2001:db8:ffff::1")).toBe(true);
    expect(ipAllowed(["2001:db8::/32"], "2001:db9::1")).toBe(false);
  });

  it("matches IPv4-mapped IPv6 clients and rules as IPv4", () => {
    expect(ipAllowed(["203.0.113.0/24"], "::ffff:203.0.113.7")).toBe(true);
    expect(ipAllowed(["::ffff:192.0.2.0/120"], "192.0.2.55")).toBe(true);
    expect(ipAllowed(["::ffff:192.0.2.0/120"], "192.0.3.1")).toBe(false);
  });

  it("ignores a client's zone, and refuses unknown or malformed client addresses", () => {
    expect(ipAllowed(["fe80::/10"], "fe80::1%eth0")).toBe(true);
    expect(ipAllowed(["0.0.0.0/0"], undefined)).toBe(false);
    expect(ipAllowed(["0.0.0.0/0"], "not-an-ip")).toBe(false);
  });

  it("lets invalid rules match nothing", () => {
    expect(ipAllowed(["10.0.0.1/8"], "10.0.0.1")).toBe(false);
  });
});
