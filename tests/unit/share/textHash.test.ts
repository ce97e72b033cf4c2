import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textHash } from '../../../src/share/textHash';

describe('textHash', () => {
  it('its first half is FNV-1a (32 bit) as published: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968', () => {
    expect(textHash('').slice(0, 8)).toBe('811c9dc5');
    expect(textHash('a').slice(0, 8)).toBe('e40c292c');
    expect(textHash('foobar').slice(0, 8)).toBe('bf9cf968');
  });

  it('is 16 hex digits and the same for the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(textHash(text)).toMatch(/^[0-9a-f]{16}$/);
        expect(textHash(text)).toBe(textHash(`${text}`));
      }),
    );
  });

  it('tells 20,000 different sheet-like texts apart', () => {
    const texts = new Set(Array.from({ length: 20_000 }, (_, index) => `{"v":2,"state":{"cells":{"B16":"${index / 1000}"}}}`));
    expect(new Set([...texts].map(textHash)).size).toBe(texts.size);
  });

  it('changes when one character of a long text changes', () => {
    const long = 'x'.repeat(100_000);
    expect(textHash(long)).not.toBe(textHash(`${long.slice(0, 50_000)}y${long.slice(50_001)}`));
  });
});
