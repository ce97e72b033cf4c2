import { describe, expect, test } from 'vitest';
import { encodeIndexedPng, pngDataUrl, type IndexedImage } from '../../../src/charts/pngImage';
import { decodePngBytes, decodePngDataUrl } from './decodePng';

const PALETTE: IndexedImage['palette'] = [
  [253, 231, 37],
  [34, 168, 132],
  [68, 1, 84],
  [0, 0, 0],
];

function image(width: number, height: number): IndexedImage {
  const indices = new Uint8Array(width * height);
  for (let i = 0; i < indices.length; i++) indices[i] = (i * 7 + (i >> 3)) % PALETTE.length;
  return { width, height, indices, palette: PALETTE, transparent: [3] };
}

describe('encodeIndexedPng', () => {
  test('writes a valid indexed PNG whose rows inflate back to the pixels, each after filter byte 0', () => {
    const source = image(7, 5);
    const png = encodeIndexedPng(source);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const decoded = decodePngBytes(png);
    expect(decoded.chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
    expect(decoded.chunks.every((chunk) => chunk.crcMatches)).toBe(true);
    expect([decoded.width, decoded.height, decoded.colorType]).toEqual([7, 5, 3]);
    expect(decoded.filters).toEqual([0, 0, 0, 0, 0]);
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 7; x++) {
        const index = source.indices[y * 7 + x];
        expect(decoded.pixel(x, y)).toEqual([...PALETTE[index], index === 3 ? 0 : 255]);
      }
    }
  });

  test('without transparent indices there is no tRNS chunk and every pixel is opaque', () => {
    const source = { ...image(4, 3), transparent: [] };
    const decoded = decodePngBytes(encodeIndexedPng(source));
    expect(decoded.chunks.map((chunk) => chunk.type)).not.toContain('tRNS');
    expect(decoded.pixel(0, 0)[3]).toBe(255);
  });

  test('flat colour bands, as the rate map has, compress to a small fraction of their pixels', () => {
    const [width, height] = [400, 200];
    const indices = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i++) indices[i] = Math.floor((i % width) / 70) % PALETTE.length;
    expect(encodeIndexedPng({ width, height, indices, palette: PALETTE }).length).toBeLessThan(indices.length / 20);
  });

  test('the data URL carries the same bytes', () => {
    const source = image(3, 2);
    const url = pngDataUrl(source);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect([...Buffer.from(url.slice('data:image/png;base64,'.length), 'base64')]).toEqual([...encodeIndexedPng(source)]);
    expect(decodePngDataUrl(url).pixel(2, 1)).toEqual([...PALETTE[source.indices[5]], source.indices[5] === 3 ? 0 : 255]);
  });
});
