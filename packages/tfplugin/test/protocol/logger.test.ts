import { describe, expect, it } from "vitest";
import { createLogger, hclogTimestamp, logLevelFromEnv } from "../../src/protocol/logger.js";

const levels: Record<string, { given: NodeJS.ProcessEnv; want: string }> = {
  unset: { given: {}, want: "warn" },
  "TF_LOG only": { given: { TF_LOG: "DEBUG" }, want: "debug" },
  "TF_LOG_PROVIDER wins": { given: { TF_LOG: "TRACE", TF_LOG_PROVIDER: "error" }, want: "error" },
  off: { given: { TF_LOG_PROVIDER: "off" }, want: "off" },
  "anything else means trace": { given: { TF_LOG: "1" }, want: "trace" },
};

describe("logger", () => {
  for (const [name, { given, want }] of Object.entries(levels)) {
    it(`takes its level from the environment: ${name}`, () => {
      expect(logLevelFromEnv(given)).toBe(want);
    });
  }

  it("writes hclog JSON with six fractional digits", () => {
    const lines: string[] = [];
    createLogger("provider.x", "info", (line) => lines.push(line)).info("hello", { rpc: "Plan" });
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({ "@level": "info", "@message": "hello", "@module": "provider.x", rpc: "Plan" });
    expect(entry["@timestamp"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it("drops entries below the threshold", () => {
    const lines: string[] = [];
    const log = createLogger("provider.x", "warn", (line) => lines.push(line));
    log.debug("quiet");
    log.error("loud");
    expect(lines).toHaveLength(1);
  });

  it("formats timestamps in Go's microsecond layout", () => {
    expect(hclogTimestamp(new Date("2024-05-01T10:00:00.123Z"))).toBe("2024-05-01T10:00:00.123000Z");
  });
});
