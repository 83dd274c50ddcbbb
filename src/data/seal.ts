/**
 * A fast checksum of a cached file's bytes, written with them once they have been verified against
 * their SHA-256 (at download or import), so a warm read checks the bytes in ~15 ms instead of
 * re-hashing them (SHA-256 of MNIST's 47 MB training images took 150–220 ms of every warm start).
 * It guards against damaged storage, not against a forger: the SHA-256 at download does that.
 * Four lanes over 32-bit words (word i in lane i mod 4: independent chains, so the loop is not bound
 * by one multiply's latency) plus the length. A lane's step, FNV-1a's xor and odd multiply followed by
 * an xorshift (without it a flip of a word's top bit only flips the state's top bit, and two such
 * flips cancel), is a bijection of its state for a given word, so damage confined to one word always
 * changes the seal; wider damage goes unnoticed with probability about 2⁻³².
 */
export function sealOf(bytes: Uint8Array): string {
  const n = bytes.length;
  const count = n >> 2;
  const words = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, count) : new Int32Array(bytes.slice(0, count * 4).buffer);
  const P = 0x01000193;
  let a = 0x811c9dc5 | 0;
  let b = 0x3c6ef372 | 0;
  let c = 0x12345678 | 0;
  let d = 0x7f4a7c15 | 0;
  const body = count & ~3;
  for (let i = 0; i < body; i += 4) {
    a = Math.imul(a ^ words[i], P);
    a ^= a >>> 16;
    b = Math.imul(b ^ words[i + 1], P);
    b ^= b >>> 16;
    c = Math.imul(c ^ words[i + 2], P);
    c ^= c >>> 16;
    d = Math.imul(d ^ words[i + 3], P);
    d ^= d >>> 16;
  }
  // The last 0–3 words and 0–3 bytes go to lane a.
  const tail = (v: number) => {
    a = Math.imul(a ^ v, P);
    a ^= a >>> 16;
  };
  for (let i = body; i < count; i++) tail(words[i]);
  for (let i = count * 4; i < n; i++) tail(bytes[i]);
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${n}:${hex(a)}${hex(b)}${hex(c)}${hex(d)}`;
}
