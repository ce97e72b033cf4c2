/**
 * A small PNG reader for the tests, on Node's zlib (independent of the encoder's fflate): the
 * chunks with their CRCs checked, and the pixels as RGBA whether the file is RGBA (colour type
 * 6) or indexed (3, with PLTE and tRNS). Only filter type 0 and no interlace, as our encoder writes.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface PngChunk {
  readonly type: string;
  readonly data: Uint8Array;
  readonly crcMatches: boolean;
}

export function pngChunks(png: Uint8Array): PngChunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    chunks.push({ type, data, crcMatches: view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return chunks;
}

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  readonly chunks: readonly PngChunk[];
  /** The filter byte of every row. */
  readonly filters: readonly number[];
  /** [r, g, b, a] of the pixel at column x, row y (row 0 at the top). */
  pixel(x: number, y: number): number[];
}

export function decodePngBytes(png: Uint8Array): DecodedPng {
  const chunks = pngChunks(png);
  const header = chunks.find((chunk) => chunk.type === 'IHDR')!.data;
  const headerView = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const [width, height, colorType] = [headerView.getUint32(0), headerView.getUint32(4), header[9]];
  const channels = colorType === 6 ? 4 : 1;
  const raw = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
  const rowLength = 1 + channels * width;
  if (raw.length !== rowLength * height) throw new Error(`IDAT holds ${raw.length} bytes, not ${rowLength * height}`);
  const palette = chunks.find((chunk) => chunk.type === 'PLTE')?.data ?? new Uint8Array(0);
  const alpha = chunks.find((chunk) => chunk.type === 'tRNS')?.data ?? new Uint8Array(0);
  return {
    width,
    height,
    colorType,
    chunks,
    filters: Array.from({ length: height }, (_, row) => raw[row * rowLength]),
    pixel(x, y) {
      const at = y * rowLength + 1 + channels * x;
      if (channels === 4) return [...raw.subarray(at, at + 4)];
      const index = raw[at];
      return [...palette.subarray(index * 3, index * 3 + 3), index < alpha.length ? alpha[index] : 255];
    },
  };
}

export function decodePngDataUrl(url: string): DecodedPng {
  const prefix = 'data:image/png;base64,';
  if (!url.startsWith(prefix)) throw new Error('not a PNG data URL');
  return decodePngBytes(Buffer.from(url.slice(prefix.length), 'base64'));
}
