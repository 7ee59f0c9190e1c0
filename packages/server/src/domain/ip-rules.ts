// Client-IP allow lists: addresses or CIDR ranges, IPv4 and IPv6 (IPv4-mapped IPv6 clients match IPv4 rules).
import ipaddr from "ipaddr.js";
import type { FieldError } from "./types.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseRule(rule: string): Range | null {
  try {
    if (rule.includes("/")) return ipaddr.parseCIDR(rule);
    if (!ipaddr.isValid(rule)) return null;
    const address = ipaddr.parse(rule);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

export function invalidIpRules(rules: readonly string[], path: string): FieldError[] {
  return rules.flatMap((rule, index) =>
    parseRule(rule) ? [] : [{ path: `${path}/${index}`, message: `"${rule}" is not an IP address or CIDR range` }],
  );
}

export function ipAllowed(rules: readonly string[], clientIp: string | undefined): boolean {
  if (rules.length === 0) return true;
  if (!clientIp || !ipaddr.isValid(clientIp)) return false;
  const client = ipaddr.process(clientIp);
  return rules.some((rule) => {
    const range = parseRule(rule);
    if (!range) return false;
    const [network, bits] = range;
    const normalised = network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress()
      ? (network as ipaddr.IPv6).toIPv4Address()
      : network;
    const mappedBits = normalised !== network ? bits - 96 : bits;
    return client.kind() === normalised.kind() && client.match(normalised, mappedBits);
  });
}
