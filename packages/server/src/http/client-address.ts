import { BlockList, isIP } from 'node:net';

/** Whether the peer a request came from (undefined when it came over no socket) is a proxy of ours. */
export type TrustProxy = (peer: string | undefined) => boolean;

/** Trusts no peer: `X-Forwarded-For` is never read. */
export const trustNoProxy: TrustProxy = () => false;

/**
 * `QIANXING_TRUST_PROXY` as a rule: unset, empty or `0` trusts nobody; `1` trusts loopback only
 * (nginx on the same host, as deploy/ sets it up); otherwise a comma-separated list of addresses
 * and CIDR blocks (`10.0.0.5, 10.1.0.0/16, fd00::/8`). A word that is neither is refused at start,
 * not silently trusted or ignored.
 */
export function trustedProxies(setting: string | undefined): TrustProxy {
  const value = setting?.trim() ?? '';
  if (value === '' || value === '0') return trustNoProxy;
  const list = new BlockList();
  const entries = value === '1' ? ['127.0.0.0/8', '::1'] : value.split(',').map((s) => s.trim());
  for (const entry of entries.filter(Boolean)) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const widest = family === 4 ? 32 : 128;
    if (
      !family ||
      rest.length > 0 ||
      (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= widest))
    )
      throw new Error(`QIANXING_TRUST_PROXY: "${entry}" is not an address or CIDR block`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (peer) => {
    if (!peer) return false;
    const plain = unmapped(peer);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, as a dual-stack socket reports) as IPv4. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address: the peer's, unless the peer is a trusted proxy, in which case the
 * `X-Forwarded-For` entries are read from the right (each proxy appends the address it saw) and
 * the first that is not itself a trusted proxy is the client. Entries to its left were written by
 * the client or an untrusted hop, so they are never believed; a malformed entry ends the walk at
 * the last address that was vouched for.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  let address = peer ?? 'unknown';
  if (!trust(peer) || !forwardedFor) return address;
  const hops = forwardedFor.split(',').map((s) => s.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(unmapped(hop))) return address;
    address = hop;
    if (!trust(hop)) return hop;
  }
  return address;
}
