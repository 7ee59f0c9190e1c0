// Who is calling, read as Express reads `req.ip` and `req.secure` under its `trust proxy` setting (the same
// setting, compiled the same way), for the contract operations that the dispatch serves without Express.
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import proxyAddr from "proxy-addr";

export type TrustProxy = boolean | string | number;
type Trust = (address: string, hop: number) => boolean;

export function compileTrust(setting: TrustProxy): Trust {
  if (setting === true) {
    return () => true;
  }
  if (typeof setting === "number") {
    return (_address, hop) => hop < setting;
  }
  if (typeof setting === "string") {
    return proxyAddr.compile(setting.split(",").map((value) => value.trim()));
  }
  return proxyAddr.compile([]);
}

/** The client address: the socket's, or the forwarded one the trusted proxies vouch for. */
export function clientIp(req: IncomingMessage, trust: Trust): string | undefined {
  const direct = req.socket.remoteAddress;
  // What proxy-addr answers without parsing anything when nothing forwarded or the socket's peer isn't trusted.
  if (req.headers["x-forwarded-for"] === undefined || !trust(direct ?? "", 0)) {
    return direct;
  }
  return proxyAddr(req, trust);
}

/** HTTPS, directly or as a trusted proxy's `X-Forwarded-Proto` says. */
export function isSecure(req: IncomingMessage, trust: Trust): boolean {
  const direct = (req.socket as TLSSocket).encrypted ? "https" : "http";
  if (!trust(req.socket.remoteAddress ?? "", 0)) {
    return direct === "https";
  }
  const header = String(req.headers["x-forwarded-proto"] ?? "") || direct;
  const comma = header.indexOf(",");
  return (comma !== -1 ? header.substring(0, comma) : header).trim() === "https";
}
