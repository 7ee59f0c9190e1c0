/**
 * hclog-style JSON lines on stderr, which go-plugin forwards into Terraform's log (TF_LOG_PROVIDER / TF_LOG).
 * stdout is reserved for the handshake line.
 */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";
const LEVELS: readonly (LogLevel | "off")[] = ["trace", "debug", "info", "warn", "error", "off"];

export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The threshold from TF_LOG_PROVIDER, else TF_LOG; unset means warnings and errors only. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel | "off" {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || "").trim().toLowerCase();
  if (raw === "") {
    return "warn";
  }
  // Terraform treats any other non-empty value (e.g. "1", "json") as TRACE.
  return LEVELS.find((level) => level === raw) ?? "trace";
}

export function createLogger(
  module: string,
  threshold: LogLevel | "off",
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const minimum = LEVELS.indexOf(threshold);
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < minimum) {
      return;
    }
    const entry = {
      "@level": level,
      "@message": message,
      "@module": module,
      "@timestamp": hclogTimestamp(new Date()),
      ...fields,
    };
    write(
      `${JSON.stringify(entry, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))}\n`,
    );
  };
  return { trace: log("trace"), debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** Go layout 2006-01-02T15:04:05.000000Z07:00: exactly six fractional digits, or go-plugin logs the line raw. */
export function hclogTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
