import type { Logger } from "pino";

export type RequestLog = (method: string | undefined, path: string, status: number, started: bigint) => void;

/**
 * One line per request: method, path (never the query or headers, which may carry secrets), status, time. Those
 * four fields are never secret, so the line skips the redaction every other line gets (it walked each line's
 * fields for the wildcard paths, a tenth of a small request's CPU time).
 */
export function requestLog(logger: Logger): RequestLog {
  const lines = logger.child({}, { redact: [] });
  return (method, path, status, started) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    lines[status >= 500 ? "error" : "info"]({ method, path, status, ms: Math.round(ms * 10) / 10 }, "request");
  };
}
