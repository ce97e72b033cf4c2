/**
 * A minimal PNG encoder for chart rasters (the rate map): RGBA pixels → data URL, with the
 * image data in stored (uncompressed) deflate blocks. No DOM and no canvas, so it runs in the
 * builders, in Node and in a worker; a 400×200 map encodes in a few milliseconds. Compression
 * would save bytes but not time, and the URL never leaves the page except in an SVG export.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

class ByteWriter {
  readonly bytes: Uint8Array;
  offset = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  u8(value: number): void {
    this.bytes[this.offset++] = value & 0xff;
  }
  u32(value: number): void {
    this.u8(value >>> 24);
    this.u8(value >>> 16);
    this.u8(value >>> 8);
    this.u8(value);
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.u8(text.charCodeAt(i));
  }
  /** A chunk: length, type, data written by `body`, CRC over type and data. */
  chunk(type: string, length: number, body: () => void): void {
    this.u32(length);
    const start = this.offset;
    this.ascii(type);
    body();
    this.u32(crc32(this.bytes, start, this.offset));
  }
}

const MAX_STORED_BLOCK = 65535;

/** PNG bytes of a width × height RGBA image (row 0 at the top). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const rowLength = 1 + 4 * width; // filter byte + pixels
  const raw = rowLength * height;
  const blocks = Math.max(1, Math.ceil(raw / MAX_STORED_BLOCK));
  const zlibLength = 2 + raw + 5 * blocks + 4;
  const out = new ByteWriter(8 + 25 + (12 + zlibLength) + 12);
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].forEach((b) => out.u8(b));
  out.chunk('IHDR', 13, () => {
    out.u32(width);
    out.u32(height);
    [8, 6, 0, 0, 0].forEach((b) => out.u8(b)); // 8 bits, RGBA, deflate, no filter, no interlace
  });
  out.chunk('IDAT', zlibLength, () => {
    out.u8(0x78);
    out.u8(0x01);
    let a = 1;
    let b = 0;
    let position = 0;
    const rawByte = (index: number): number => {
      const column = index % rowLength;
      if (column === 0) return 0; // filter type None
      const row = (index - column) / rowLength;
      return rgba[row * width * 4 + column - 1];
    };
    for (let block = 0; block < blocks; block++) {
      const size = Math.min(MAX_STORED_BLOCK, raw - position);
      out.u8(block === blocks - 1 ? 1 : 0);
      out.u8(size & 0xff);
      out.u8(size >>> 8);
      out.u8(~size & 0xff);
      out.u8((~size >>> 8) & 0xff);
      for (let i = 0; i < size; i++) {
        const value = rawByte(position + i);
        out.u8(value);
        a = (a + value) % 65521;
        b = (b + a) % 65521;
      }
      position += size;
    }
    out.u32(((b << 16) | a) >>> 0);
  });
  out.chunk('IEND', 0, () => undefined);
  return out.bytes;
}

/** data:image/png;base64,… for an RGBA image. */
export function pngDataUrl(width: number, height: number, rgba: Uint8Array): string {
  const bytes = encodePng(width, height, rgba);
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return `data:image/png;base64,${btoa(binary)}`;
}
