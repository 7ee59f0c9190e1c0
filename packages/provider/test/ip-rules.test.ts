import { describe, expect, it } from "vitest";
import { ipRuleError } from "../src/validators/ip-rule-error.js";

describe("ipRuleError (the server's strict rules, at plan time)", () => {
  it.each(["203.0.113.0/24", "10.0.0.1", "0.0.0.0/0", "2001:db8::/32", "::1", "::ffff:192.0.2.0/120", "fe80::/10"])("accepts %s", (rule) => {
    expect(ipRuleError(rule)).toBeUndefined();
  });

  it.each([
    ["010.0.0.1", /not an IP address/],
    ["10.1", /not an IP address/],
    ["10.0.0.0/8/8", /not an IP address/],
    ["10.0.0.0/08", /invalid prefix length/],
    ["10.0.0.0/33", /longer than 32 bits/],
    ["2001:db8::/129", /longer than 128 bits/],
    ["10.0.0.1/8", /host bits set; did you mean 10\.0\.0\.0\/8\?/],
    ["2001:db8::1/32", /host bits set; did you mean 2001:db8::\/32\?/],
  ])("refuses %s", (rule, message) => {
    expect(ipRuleError(rule)).toMatch(message);
  });
});
