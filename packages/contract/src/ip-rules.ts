// Client-IP allow lists: addresses or CIDR ranges, IPv4 and IPv6 (IPv4-mapped IPv6 clients match IPv4 rules).
// Rules are parsed strictly: a dotted-quad IPv4 (no `010.0.0.1`, octal elsewhere, nor `10.1`) or an IPv6 address
// without a zone, an optional prefix in range, and no host bits set, so what is enforced is what was written.
// The server enforces these; the provider and CDKTF refuse the same rules at plan and synth time.

const V4_SEGMENT = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)";
const V4 = `(?:${V4_SEGMENT}\\.){3}${V4_SEGMENT}`;
const V6_SEGMENT = "[0-9a-fA-F]{1,4}";
const IPV4 = new RegExp(`^${V4}$`);
// Node's net.isIPv6 grammar (lib/internal/net.js), without the zone suffix.
const IPV6 = new RegExp(
  "^(?:" +
    `(?:${V6_SEGMENT}:){7}(?:${V6_SEGMENT}|:)|` +
    `(?:${V6_SEGMENT}:){6}(?:${V4}|:${V6_SEGMENT}|:)|` +
    `(?:${V6_SEGMENT}:){5}(?::${V4}|(?::${V6_SEGMENT}){1,2}|:)|` +
    `(?:${V6_SEGMENT}:){4}(?:(?::${V6_SEGMENT}){0,1}:${V4}|(?::${V6_SEGMENT}){1,3}|:)|` +
    `(?:${V6_SEGMENT}:){3}(?:(?::${V6_SEGMENT}){0,2}:${V4}|(?::${V6_SEGMENT}){1,4}|:)|` +
    `(?:${V6_SEGMENT}:){2}(?:(?::${V6_SEGMENT}){0,3}:${V4}|(?::${V6_SEGMENT}){1,5}|:)|` +
    `(?:${V6_SEGMENT}:){1}(?:(?::${V6_SEGMENT}){0,4}:${V4}|(?::${V6_SEGMENT}){1,6}|:)|` +
    `(?::(?:(?::${V6_SEGMENT}){0,5}:${V4}|(?::${V6_SEGMENT}){1,7}|:))` +
    ")$",
);

interface Address {
  family: 4 | 6;
  value: bigint;
}

/** A parsed rule: the network address and its prefix length. */
export interface IpRange extends Address {
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseAddress(text: string): Address | undefined {
  if (IPV4.test(text)) {
    return { family: 4, value: ipv4Value(text) };
  }
  return IPV6.test(text) ? { family: 6, value: ipv6Value(text) } : undefined;
}

function ipv4Value(address: string): bigint {
  return address.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(address: string): bigint {
  const [head = "", tail] = address.split("::");
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
  const all =
    tail === undefined ? first : [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

/** Parses `rule` strictly, or says why it is refused. */
export function parseIpRule(rule: string): { range: IpRange } | { error: string } {
  const [text = "", bits, ...rest] = rule.split("/");
  const address = rest.length === 0 ? parseAddress(text) : undefined;
  if (!address) {
    return { error: `"${rule}" is not an IP address or CIDR range (use e.g. 203.0.113.0/24 or 2001:db8::/32)` };
  }
  const max = BITS[address.family];
  if (bits !== undefined && !/^(0|[1-9]\d{0,2})$/.test(bits)) {
    return { error: `"${rule}" has an invalid prefix length` };
  }
  const prefix = bits === undefined ? max : Number(bits);
  if (prefix > max) {
    return { error: `"${rule}" has a prefix longer than ${max} bits` };
  }
  const hostMask = (1n << BigInt(max - prefix)) - 1n;
  if ((address.value & hostMask) !== 0n) {
    const network = address.value & ~hostMask;
    return {
      error: `"${rule}" has host bits set; did you mean ${format({ family: address.family, value: network })}/${prefix}?`,
    };
  }
  return { range: { ...address, prefix } };
}

/** Why `rule` is not a valid address or CIDR range, or undefined when it is. */
export function ipRuleError(rule: string): string | undefined {
  const parsed = parseIpRule(rule);
  return "error" in parsed ? parsed.error : undefined;
}

const IPV4_MAPPED = 0xffffn << 32n;

/** `::ffff:a.b.c.d` as the IPv4 address a.b.c.d (and its prefix, 96 bits shorter); anything else as is. */
function unmapped<T extends Address & { prefix?: number }>(address: T): T {
  if (address.family === 6 && address.value >> 32n === IPV4_MAPPED >> 32n) {
    return {
      ...address,
      family: 4,
      value: address.value & 0xffffffffn,
      ...(address.prefix === undefined ? {} : { prefix: address.prefix - 96 }),
    };
  }
  return address;
}

/** Whether `clientIp` may call with a key limited to `rules` (no rules: any address). Invalid rules match nothing. */
export function ipAllowed(rules: readonly string[], clientIp: string | undefined): boolean {
  if (rules.length === 0) {
    return true;
  }
  // A link-local client address may carry its zone (`fe80::1%eth0`); the zone plays no part in matching.
  const parsed = clientIp === undefined ? undefined : parseAddress(clientIp.split("%")[0] ?? "");
  if (!parsed) {
    return false;
  }
  const client = unmapped(parsed);
  return rules.some((rule) => {
    const result = parseIpRule(rule);
    if ("error" in result) {
      return false;
    }
    const network = unmapped(result.range);
    const shift = BigInt(BITS[network.family] - network.prefix);
    return client.family === network.family && client.value >> shift === network.value >> shift;
  });
}

function format(address: Address): string {
  return address.family === 4 ? formatIpv4(address.value) : formatIpv6(address.value);
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
