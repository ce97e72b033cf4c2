import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { encodePng, pngDataUrl } from '../../../src/charts/pngImage';

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
  readonly crcMatches: boolean;
}

/** The chunks of a PNG file, each with whether its CRC is right (checked with Node's zlib). */
function chunksOf(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    chunks.push({ type, data, crcMatches: view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return chunks;
}

function pixels(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + (i >> 9)) & 0xff;
  return rgba;
}

describe('encodePng', () => {
  test('writes a valid PNG whose rows inflate back to the pixels, each after filter byte 0', () => {
    const [width, height] = [7, 5];
    const rgba = pixels(width, height);
    const png = encodePng(width, height, rgba);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = chunksOf(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((chunk) => chunk.crcMatches)).toBe(true);
    const header = new DataView(chunks[0].data.buffer, chunks[0].data.byteOffset, 13);
    expect([header.getUint32(0), header.getUint32(4), ...chunks[0].data.subarray(8)]).toEqual([width, height, 8, 6, 0, 0, 0]);
    const raw = inflateSync(chunks[1].data);
    const rowLength = 1 + 4 * width;
    expect(raw.length).toBe(rowLength * height);
    for (let row = 0; row < height; row++) {
      expect(raw[row * rowLength]).toBe(0);
      expect([...raw.subarray(row * rowLength + 1, (row + 1) * rowLength)]).toEqual([...rgba.subarray(row * width * 4, (row + 1) * width * 4)]);
    }
  });

  test('flat colour bands, as the rate map has, compress to a small fraction of their pixels', () => {
    const [width, height] = [400, 200];
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([40 * Math.floor((i % width) / 70), 120, 200, 255], i * 4);
    expect(encodePng(width, height, rgba).length).toBeLessThan(rgba.length / 20);
  });

  test('the data URL carries the same bytes', () => {
    const rgba = pixels(3, 2);
    const url = pngDataUrl(3, 2, rgba);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect([...Buffer.from(url.slice('data:image/png;base64,'.length), 'base64')]).toEqual([...encodePng(3, 2, rgba)]);
  });
});
