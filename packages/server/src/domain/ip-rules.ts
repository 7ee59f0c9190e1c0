// Client-IP allow lists: addresses or CIDR ranges, IPv4 and IPv6 (IPv4-mapped IPv6 clients match IPv4 rules).
// Rules are parsed strictly: ipaddr.js alone also accepts `010.0.0.1` (octal, = 8.0.0.1), `10.1` or
// `0x0a.0.0.1`, which would enforce a different address than the one an administrator wrote.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import type { FieldError } from "./types.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
type Parsed = { range: Range } | { error: string };

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function parseRule(rule: string): Parsed {
  const [address = "", bits, ...rest] = rule.split("/");
  const family = isIP(address);
  if (rest.length > 0 || family === 0 || (family === 4 && !DOTTED_QUAD.test(address))) {
    return { error: `"${rule}" is not an IP address or CIDR range (use e.g. 203.0.113.0/24 or 2001:db8::/32)` };
  }
  const max = family === 4 ? 32 : 128;
  if (bits !== undefined && !/^(0|[1-9]\d{0,2})$/.test(bits)) return { error: `"${rule}" has an invalid prefix length` };
  const prefix = bits === undefined ? max : Number(bits);
  if (prefix > max) return { error: `"${rule}" has a prefix longer than ${max} bits` };
  const parsed = ipaddr.parse(address);
  const network = family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefix}`);
  if (network.toNormalizedString() !== parsed.toNormalizedString()) {
    return { error: `"${rule}" has host bits set; did you mean ${network.toString()}/${prefix}?` };
  }
  return { range: [parsed, prefix] };
}

export function invalidIpRules(rules: readonly string[], path: string): FieldError[] {
  return rules.flatMap((rule, index) => {
    const parsed = parseRule(rule);
    return "error" in parsed ? [{ path: `${path}/${index}`, message: parsed.error }] : [];
  });
}

export function ipAllowed(rules: readonly string[], clientIp: string | undefined): boolean {
  if (rules.length === 0) return true;
  if (!clientIp || isIP(clientIp) === 0) return false;
  const client = ipaddr.process(clientIp);
  return rules.some((rule) => {
    const parsed = parseRule(rule);
    if ("error" in parsed) return false;
    const [network, bits] = parsed.range;
    const ipv4Network = network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress();
    const target = ipv4Network ? (network as ipaddr.IPv6).toIPv4Address() : network;
    const targetBits = ipv4Network ? bits - 96 : bits;
    return client.kind() === target.kind() && client.match(target, targetBits);
  });
}
