/**
 * Hostile input: at least 10,000 random, truncated, bit-flipped and crafted links, plus crafted
 * state files. Whatever arrives, decoding returns a typed value, never throws, never yields a
 * state the schema would refuse, and never touches Object.prototype.
 */
import fc from 'fast-check';
import LZString from 'lz-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/i18n';
import { decodeState, encodeState, LINK_LIMITS, type DecodeResult } from '../../../src/share/codec';
import { envelopeFor } from '../../../src/share/envelope';
import type { ShareErrorCode } from '../../../src/share/errors';
import { sheetStateSchema } from '../../../src/share/schema';
import { readStateFile } from '../../../src/share/stateFile';
import { chapterSheetFixture, sheetStateArb } from './sheetArbitraries';

const CODES: readonly ShareErrorCode[] = ['empty', 'tooLarge', 'notCompressed', 'badJson', 'tooDeep', 'unsafeKey', 'unknownVersion', 'badSchema'];
const protoNamesBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayProtoNamesBefore = Object.getOwnPropertyNames(Array.prototype).sort();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const lz = (text: string) => LZString.compressToEncodedURIComponent(text);
const asLink = (json: string, prefix: string) => `${prefix}${lz(json)}`;

/** Every object node of a JSON value, found iteratively. */
function objectNodes(root: Json): { [key: string]: Json }[] {
  const out: { [key: string]: Json }[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') {
      out.push(node);
      stack.push(...Object.values(node));
    }
  }
  return out;
}

const smallSheet = sheetStateArb.filter((s) => Object.keys(s.cells).length <= 8);
const validEnvelope = smallSheet.map((s) => JSON.parse(JSON.stringify(envelopeFor(s, 'compact'))) as Json);

/** A valid envelope with an unsafe key planted as an own property on a random object. */
const plantedUnsafeKey = fc
  .tuple(validEnvelope, fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.nat(), fc.jsonValue(), fc.boolean())
  .map(([envelope, key, at, value, escape]) => {
    const nodes = objectNodes(envelope);
    Object.defineProperty(nodes[at % nodes.length], key, { value, enumerable: true, configurable: true, writable: true });
    const json = JSON.stringify(envelope);
    // The same key spelled with a JSON escape must be caught too.
    return escape ? json.replace('"__proto__"', '"\\u005f_proto__"') : json;
  });

/** A valid envelope with one field's value replaced by arbitrary JSON. */
const wrongType = fc.tuple(validEnvelope, fc.nat(), fc.jsonValue()).map(([envelope, at, value]) => {
  const nodes = objectNodes(envelope);
  const node = nodes[at % nodes.length];
  const keys = Object.keys(node);
  if (keys.length > 0) node[keys[at % keys.length]] = value as Json;
  return JSON.stringify(envelope);
});

const wrongVersion = fc
  .tuple(validEnvelope, fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.constant(undefined)))
  .map(([envelope, v]) => JSON.stringify({ ...(envelope as object), v }));

const deepNesting = fc.tuple(fc.integer({ min: 20, max: 3_000 }), fc.constantFrom('[', '{"a":'), fc.boolean()).map(([depth, open, inState]) => {
  const close = open === '[' ? ']' : '}';
  const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
  return inState ? `{"v":1,"state":{"rows":5,"cols":5,"cells":{"A1":${nested}}}}` : nested;
});

const legacyGarbage = fc.jsonValue().map((value) => JSON.stringify({ c: value }));

/** Crafted JSON payloads (used both as compressed links and as state files). */
const hostileJson = fc.oneof(plantedUnsafeKey, wrongType, wrongVersion, deepNesting, legacyGarbage, fc.jsonValue().map((v) => JSON.stringify(v)));

let hugeLinks: string[] = [];
beforeAll(() => {
  const bigCells: Record<string, string> = {};
  for (let row = 1; row <= 20_001; row += 1) bigCells[`A${row}`] = '1';
  hugeLinks = [
    // Over the cell count (still under the compressed and decompressed caps).
    asLink(JSON.stringify({ v: 1, state: { rows: 10_000, cols: 5, cells: bigCells } }), '1.'),
    // One raw cell over 10,000 characters.
    asLink(JSON.stringify({ v: 1, state: { rows: 5, cols: 5, cells: { A1: 'x'.repeat(10_001) } } }), '1.'),
    // Rows over the bound, a negative count, a fractional count.
    asLink(JSON.stringify({ v: 1, state: { rows: 10_001, cols: 5, cells: {} } }), '1.'),
    asLink(JSON.stringify({ v: 1, state: { rows: -1, cols: 5, cells: {} } }), '1.'),
    asLink(JSON.stringify({ v: 1, state: { rows: 2.5, cols: 5, cells: {} } }), '1.'),
    // A decompression bomb and an oversized link.
    `1.${lz('{'.repeat(LINK_LIMITS.maxJsonChars + 10))}`,
    'A'.repeat(LINK_LIMITS.maxPayloadChars + 1),
  ];
});

const hostileLink = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => ({ kind: 'random', link: s })), weight: 2 },
  { arbitrary: fc.stringMatching(/^[0-9]?\.?[A-Za-z0-9+\-$]{0,400}$/).map((s) => ({ kind: 'random', link: s })), weight: 2 },
  {
    arbitrary: fc.tuple(smallSheet, fc.double({ min: 0, max: 1, noNaN: true })).map(([s, cut]) => {
      const link = encodeState(s);
      return { kind: 'truncated', link: link.slice(0, Math.floor(link.length * cut)) };
    }),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(smallSheet, fc.nat(), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 3 })).map(([s, at, bit, flips]) => {
      const chars = [...encodeState(s)];
      for (let i = 0; i < flips; i += 1) {
        const k = (at + i * 7919) % chars.length;
        chars[k] = String.fromCharCode(chars[k].charCodeAt(0) ^ (1 << ((bit + i) % 16)));
      }
      return { kind: 'bitFlipped', link: chars.join('') };
    }),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(hostileJson, fc.constantFrom('1.', '', '0.', '7.')).map(([json, prefix]) => ({ kind: 'crafted', link: asLink(json, prefix) })),
    weight: 3,
  },
  { arbitrary: fc.nat().map((i) => ({ kind: 'huge', link: hugeLinks[i % hugeLinks.length] })), weight: 1 },
);

function expectTypedOutcome(result: DecodeResult): void {
  if (result.ok) {
    expect(sheetStateSchema.safeParse(result.state).success).toBe(true);
  } else {
    expect(CODES).toContain(result.error.code);
    expect(result.error.kind).toBe('shareError');
    expect(result.error.key).toBe(`share.error.${result.error.code}`);
    // The sentence is src/i18n's; here: the key has one and every placeholder gets an argument.
    // (Arguments stand in as a neutral mark: their own text may hold braces, e.g. a hostile key "{0}".)
    const neutral = Object.fromEntries(Object.keys(result.error.args ?? {}).map((name) => [name, '·']));
    const sentence = translate('en', result.error.key, neutral);
    expect(sentence).not.toBe(result.error.key);
    expect(sentence).not.toMatch(/\{\w+\}/);
  }
}

describe('hostile links and files', () => {
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNamesBefore);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoNamesBefore);
  });

  it('answer 10,000 hostile links with a typed value and never pollute Object.prototype', () => {
    const kinds = new Map<string, number>();
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(hostileLink, ({ kind, link }) => {
        const result = decodeState(link);
        expectTypedOutcome(result);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const code = result.ok ? 'ok' : result.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: 10_000 },
    );
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    // The generator really produced every family, and the decoder really met every failure.
    for (const kind of ['random', 'truncated', 'bitFlipped', 'crafted', 'huge']) expect(kinds.get(kind) ?? 0).toBeGreaterThan(100);
    for (const code of ['tooLarge', 'notCompressed', 'badJson', 'tooDeep', 'unsafeKey', 'unknownVersion', 'badSchema']) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  }, 120_000);

  it('answer 3,000 hostile state files with a typed value', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        expectTypedOutcome(readStateFile(text));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('refuse an own "__proto__" key created by JSON.parse, at the top and deep inside', () => {
    const top = '{"__proto__":{"polluted":true},"v":1,"state":{"rows":5,"cols":5,"cells":{}}}';
    const deep = JSON.stringify(envelopeFor(chapterSheetFixture(), 'compact')).replace('"cells":{', '"cells":{"__proto__":{"polluted":true},');
    for (const text of [top, deep]) {
      expect(readStateFile(text)).toMatchObject({ ok: false, error: { code: 'unsafeKey', args: { field: '__proto__' } } });
      expect(decodeState(asLink(text, '1.'))).toMatchObject({ ok: false, error: { code: 'unsafeKey' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
