// IP addresses and CIDRs as the API server parses them (apimachinery's IsValidIPForLegacyField and
// IsValidCIDRForLegacyField): from 1.36 strictly (no leading zeros, no IPv4-mapped IPv6, no bits set
// beyond a CIDR's prefix); before that, as Go's sloppy parser does. Pure.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Octets(value: string, strict: boolean): number[] | null {
  const m = IPV4.exec(value);
  if (!m) return null;
  const parts = m.slice(1).map((p) => ({ text: p, n: Number(p) }));
  if (parts.some((p) => p.n > 255 || (strict && p.text.length > 1 && p.text.startsWith('0')))) return null;
  return parts.map((p) => p.n);
}

/** The 16 bytes of an IPv6 address (an embedded IPv4 tail allowed), or null. */
function ipv6Bytes(value: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || (value.match(/::/g) ?? []).length > 1) return null;
  let text = value;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = ipv4Octets(text.slice(lastColon + 1), true);
    if (!v4) return null;
    tail = v4;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') as [string, string] : [text, null];
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const r = rest === null ? [] : groups(rest);
  if ([...h, ...r].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const missing = 8 - h.length - r.length;
  if (rest === null ? missing !== 0 : missing < 1) return null;
  const all = [...h, ...Array<string>(rest === null ? 0 : missing).fill('0'), ...r].map((g) => parseInt(g, 16));
  const bytes = all.flatMap((g) => [g >> 8, g & 255]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

const isV4Mapped = (b: number[]): boolean => b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255;

export function isIp(value: string, strict: boolean): boolean {
  if (ipv4Octets(value, strict)) return true;
  const v6 = ipv6Bytes(value);
  return v6 !== null && !(strict && isV4Mapped(v6));
}

/** Unspecified, loopback, link-local or multicast: what an endpoint (and so an external IP) may not be. */
export function isSpecialIp(value: string): boolean {
  const v4 = ipv4Octets(value, false);
  if (v4) return v4.every((x) => x === 0) || v4[0] === 127 || (v4[0] === 169 && v4[1] === 254) || (v4[0]! >= 224 && v4[0]! <= 239);
  const b = ipv6Bytes(value);
  if (!b) return false;
  const zeroHead = b.slice(0, 15).every((x) => x === 0);
  return (zeroHead && (b[15] === 0 || b[15] === 1)) || (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) || b[0] === 0xff;
}

/** Why a CIDR such as 10.0.0.0/8 is refused (a problem code), or null when it is fine. */
export function cidrProblem(value: string, strict: boolean): 'cidr.invalid' | 'cidr.hostBits' | null {
  const [ip, bits, extra] = value.split('/');
  if (extra !== undefined || ip === undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return 'cidr.invalid';
  if (strict && bits.length > 1 && bits.startsWith('0')) return 'cidr.invalid';
  const prefix = Number(bits);
  const v4 = ipv4Octets(ip, strict);
  const bytes = v4 ?? ipv6Bytes(ip);
  if (!bytes || prefix > bytes.length * 8 || (!v4 && strict && isV4Mapped(bytes))) return 'cidr.invalid';
  if (!strict) return null;
  const hostBitsSet = bytes.some((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return (byte & (0xff >> keep)) !== 0;
  });
  return hostBitsSet ? 'cidr.hostBits' : null;
}
