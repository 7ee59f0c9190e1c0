// Why an `allowed_ips` entry is refused, exactly as the server parses them (packages/server/src/domain/ip-rules.ts):
// a dotted-quad IPv4 or an IPv6 address, an optional prefix in range, and no host bits set. Plain TypeScript with
// no dependency but node:net, so that @keyward/cdktf gets a generated copy of this very file (npm run generate).
import { isIP } from "node:net";

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Why `rule` is not a valid address or CIDR range, or undefined when it is. */
export function ipRuleError(rule: string): string | undefined {
  const [address = "", bits, ...rest] = rule.split("/");
  const family = isIP(address);
  if (rest.length > 0 || family === 0 || (family === 4 && !DOTTED_QUAD.test(address))) {
    return `"${rule}" is not an IP address or CIDR range (use e.g. 203.0.113.0/24 or 2001:db8::/32)`;
  }
  const max = family === 4 ? 32 : 128;
  if (bits !== undefined && !/^(0|[1-9]\d{0,2})$/.test(bits)) {
    return `"${rule}" has an invalid prefix length`;
  }
  const prefix = bits === undefined ? max : Number(bits);
  if (prefix > max) {
    return `"${rule}" has a prefix longer than ${max} bits`;
  }
  const value = family === 4 ? ipv4Value(address) : ipv6Value(address);
  const hostMask = (1n << BigInt(max - prefix)) - 1n;
  if ((value & hostMask) !== 0n) {
    const network = value & ~hostMask;
    return `"${rule}" has host bits set; did you mean ${family === 4 ? formatIpv4(network) : formatIpv6(network)}/${prefix}?`;
  }
  return undefined;
}

function ipv4Value(address: string): bigint {
  return address.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(address: string): bigint {
  const [head = "", tail] = (address.split("%")[0] ?? "").split("::");
  const groups = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) {
            return [Number.parseInt(group, 16)];
          }
          const v4 = Number(ipv4Value(group));
          return [Math.floor(v4 / 0x10000), v4 % 0x10000];
        });
  const first = groups(head);
  const last = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? first : [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
}

/** RFC 5952 text: lower-case hex, the longest run of two or more zero groups shortened to `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - i * 16)) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) {
      length++;
    }
    if (length > best.length) {
      best = { start, length };
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) {
    return hex.join(":");
  }
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}
