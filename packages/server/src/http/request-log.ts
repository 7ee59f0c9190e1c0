import type { Logger } from "pino";

export type RequestLog = (method: string | undefined, path: string, status: number, started: bigint) => void;

/** One line per request: method, path (never the query or headers, which may carry secrets), status, time. */
export function requestLog(logger: Logger): RequestLog {
  return (method, path, status, started) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger[status >= 500 ? "error" : "info"]({ method, path, status, ms: Math.round(ms * 10) / 10 }, "request");
  };
}
