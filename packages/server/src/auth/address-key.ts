import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address already checked by `isIPv6` (an IPv4 tail is two). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = part(head);
  const right = rest === undefined ? [] : part(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What every per-address limit counts a client by. An IPv4 address is itself; an IPv6 address is
 * its /64 network, since one subscriber is given a whole /64 and may use any of its 2^64 addresses
 * (privacy addresses change by themselves), so counting each address apart would let one client
 * step past a limit by changing address; an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`, as a
 * dual-stack socket reports an IPv4 client) is the IPv4 address it maps. Anything else (no
 * address known) is kept as given, shortened.
 */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const bare = ip
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return ip.slice(0, 64);
  const g = ipv6Groups(bare);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff)
    return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join('.');
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}
