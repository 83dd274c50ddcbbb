/** What kind of image a file is, from its first bytes (never from its name), and its size if cheap to read. */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp';

export function sniffImage(b: Uint8Array): ImageType | null {
  const at = (i: number, ...v: number[]) => v.every((x, k) => b[i + k] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (at(0, 0x42, 0x4d) && b.length > 26) return 'image/bmp';
  return null;
}

/** Width and height from a PNG's IHDR or a JPEG's frame header, or null when not found. */
export function imageDims(b: Uint8Array, type: ImageType): [number, number] | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (type === 'image/png') return b.length >= 24 ? [v.getUint32(16), v.getUint32(20)] : null;
  if (type !== 'image/jpeg') return null;
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1];
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [v.getUint16(p + 7), v.getUint16(p + 5)];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) p += 2;
    else p += 2 + v.getUint16(p + 2);
  }
  return null;
}

/** A human name for what a non-image file looks like, for the skip message. */
export function describeNonImage(b: Uint8Array, name: string): string {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'a zip archive inside the selection (only top-level zips are opened)';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'a PDF';
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  const looksText = b.subarray(0, 512).every((c) => c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 128);
  if (ext && ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'].includes(ext)) return `named .${ext} but its content is not a ${ext.toUpperCase()} image`;
  return looksText ? 'a text file' : 'not an image';
}

/**
 * Why a PNG is cut short (a chunk runs past the end of the file), or null. Checked before
 * decoding because a browser may draw a truncated PNG half-black instead of failing.
 */
export function pngCutShort(b: Uint8Array): string | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let p = 8; p + 8 <= b.length; ) {
    const end = p + 12 + v.getUint32(p);
    const type = String.fromCharCode(...b.subarray(p + 4, p + 8));
    if (type === 'IEND') return null;
    if (end > b.length) {
      const name = /^[A-Za-z]{4}$/.test(type) ? `its ${type} chunk` : 'a chunk';
      return `it is cut short: ${name} needs ${end.toLocaleString('en')} bytes but the file has ${b.length.toLocaleString('en')}`;
    }
    p = end;
  }
  return null;
}

/** Why a JPEG is cut short (no end-of-image marker anywhere), or null: browsers draw the missing rows grey. */
export function jpegCutShort(b: Uint8Array): string | null {
  for (let i = b.length - 2; i >= 2; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return null;
  return 'it is cut short: it has no end-of-image marker';
}
