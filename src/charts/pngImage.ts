/**
 * A PNG encoder for chart rasters (the rate map): palette indices → data URL. No DOM and no canvas,
 * so it runs in the builders, in Node and in a worker. The pixel rows are deflated with fflate:
 * the rate map is a few flat colour bands, so its pixels shrink to a few per cent
 * (tests/unit/charts/pngImage.test.ts checks < 5 %), and the base64 step, which dominated the
 * time with stored (uncompressed) blocks in a CPU profile of the page's load, becomes negligible.
 */
import { zlibSync } from 'fflate';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One chunk: length, type, data, CRC over type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An image of palette indices: one byte per pixel, row 0 at the top. */
export interface IndexedImage {
  readonly width: number;
  readonly height: number;
  readonly indices: Uint8Array;
  /** RGB triples, one per index used. */
  readonly palette: readonly (readonly [number, number, number])[];
  /** Indices drawn fully transparent (e.g. cells with no value). */
  readonly transparent?: readonly number[];
}

/**
 * PNG bytes of an indexed-colour image (colour type 3). A quarter of the bytes of RGBA to
 * filter and deflate, and the rate map has six colours: level 1 already shrinks its flat bands
 * to a few per cent, at a fraction of level 6's time.
 */
export function encodeIndexedPng(image: IndexedImage): Uint8Array {
  const { width, height, indices, palette } = image;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, no filter, no interlace
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach((rgb, index) => plte.set(rgb, index * 3));
  // tRNS: one alpha per palette entry, up to the last transparent one.
  const transparent = image.transparent ?? [];
  const alpha = new Uint8Array(transparent.length === 0 ? 0 : Math.max(...transparent) + 1).fill(255);
  for (const index of transparent) alpha[index] = 0;
  // Each row: filter type 0 (None), then its pixels.
  const rowLength = 1 + width;
  const raw = new Uint8Array(rowLength * height);
  for (let row = 0; row < height; row++) raw.set(indices.subarray(row * width, (row + 1) * width), row * rowLength + 1);
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    ...(alpha.length > 0 ? [chunk('tRNS', alpha)] : []),
    chunk('IDAT', zlibSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** data:image/png;base64,… for an indexed image. */
export function pngDataUrl(image: IndexedImage): string {
  const bytes = encodeIndexedPng(image);
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return `data:image/png;base64,${btoa(binary)}`;
}
