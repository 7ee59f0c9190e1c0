import { describe, expect, it } from "vitest";
import {
  consoleCsrfHeader,
  consoleSessionCookie,
  isRfc3339Timestamp,
  presetNamePattern,
  roleNamePattern,
  usernamePattern,
} from "../src/index.js";

describe("the contract's name patterns", () => {
  it.each([
    ["username", usernamePattern, ["website", "crm.sync-2", "a1"], ["", "a", "Website", "-website", "a".repeat(64)]],
    ["role name", roleNamePattern, ["Website events", "r", "events_read-2"], ["", " lead", "role!", "r".repeat(101)]],
    ["preset name", presetNamePattern, ["events_read", "x"], ["", "Events", "1events", "events-read", "e".repeat(65)]],
  ])("%s", (_, pattern, good, bad) => {
    for (const name of good) {
      expect(pattern.test(name), name).toBe(true);
    }
    for (const name of bad) {
      expect(pattern.test(name), name).toBe(false);
    }
  });
});

describe("isRfc3339Timestamp", () => {
  it.each(["2027-06-30T00:00:00Z", "2027-06-30t00:00:00z", "2027-06-30T00:00:00.123+02:00"])("accepts %s", (value) => {
    expect(isRfc3339Timestamp(value)).toBe(true);
  });

  it.each([
    "2027-06-30",
    "2027-06-30 00:00:00Z",
    "2027-06-30T00:00Z",
    "2027-06-30T00:00:00",
    "2027-13-45T00:00:00Z",
    "tomorrow",
  ])("refuses %s", (value) => {
    expect(isRfc3339Timestamp(value)).toBe(false);
  });
});

describe("the console session's names", () => {
  it("are the adminSession scheme's cookie and CSRF header, as the server sets and the SDK sends them", () => {
    expect(consoleSessionCookie).toBe("keyward_session");
    expect(consoleCsrfHeader).toBe("X-Keyward-CSRF");
  });
});
