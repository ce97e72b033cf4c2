import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import { sameValue } from '../../../src/sheet/values';

const ROWS = 6;
const COLS = 4;
const address = fc.tuple(fc.integer({ min: 0, max: ROWS - 1 }), fc.integer({ min: 0, max: COLS - 1 })).map(([r, c]) => `${'ABCD'[c]}${r + 1}`);
const token = fc.oneof(
  address,
  address.map((a) => `$${a}`),
  fc.constantFrom('1', '2.5', 'x1', 'lr', 'nope', '"t"', 'TRUE', '#REF!', 'A1:B3', 'SUM(A1:D6)', 'IF(A1>1,B1,C1)', '1/0', 'SQRT(-1)', 'B2.f'),
);
const name = fc.constantFrom('lr', 'eta', 'LR');
const op = fc.constantFrom('+', '-', '*', '/', '^', '=', '<>', '&');
// Mostly well-formed formulas (operands joined by operators), sometimes arbitrary token soup.
const wellFormed = fc
  .array(fc.tuple(fc.oneof(token, name), op), { minLength: 1, maxLength: 4 })
  .map((parts) => `=${parts.map(([t, o]) => `${t}${o}`).join('').slice(0, -1)}`);
const soup = fc.array(fc.oneof(token, op, fc.constantFrom(',', '(', ')', ' ')), { minLength: 1, maxLength: 7 }).map((p) => `=${p.join('')}`);
const raw = fc.oneof(fc.constantFrom('', '3', 'text', 'FALSE', "'=1"), wellFormed, wellFormed, soup);

type Action = (engine: SheetEngine) => unknown;
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.tuple(address, raw).map(([a, r]): Action => (e) => e.setCell(a, r)),
  fc.tuple(fc.integer({ min: 0, max: ROWS }), fc.integer({ min: 1, max: 2 })).map(([at, n]): Action => (e) => e.insertRows(at, n)),
  fc.tuple(fc.integer({ min: 0, max: ROWS }), fc.integer({ min: 1, max: 2 })).map(([at, n]): Action => (e) => e.deleteRows(at, n)),
  fc.tuple(fc.integer({ min: 0, max: COLS }), fc.integer({ min: 1, max: 2 })).map(([at, n]): Action => (e) => e.insertCols(at, n)),
  fc.tuple(fc.integer({ min: 0, max: COLS }), fc.integer({ min: 1, max: 2 })).map(([at, n]): Action => (e) => e.deleteCols(at, n)),
  fc.tuple(address, address).map(([from, to]): Action => (e) => e.pasteTsv(to, e.copyTsv(`${from}:${from}`), from)),
  fc.tuple(address, fc.constantFrom('lr', 'eta', 'Lr', null)).map(([a, n]): Action => (e) => e.setName(a, n)),
  fc.constant<Action>((e) => e.undo()),
  fc.constant<Action>((e) => e.redo()),
);

describe('robustness', () => {
  it('any sequence of edits leaves values equal to a fresh evaluation of the same state, and nothing throws', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const engine = createEngine({ rows: ROWS, cols: COLS, cells: {}, names: {}, colWidths: {}, charts: [], pins: [] });
        for (const act of actions) act(engine);
        const state = engine.toState();
        const fresh = createEngine(state);
        for (let r = 1; r <= engine.rows; r += 1) {
          for (let c = 0; c < engine.cols; c += 1) {
            const a = `${'ABCDEFGH'[c]}${r}`;
            if (!sameValue(engine.value(a), fresh.value(a))) {
              expect.fail(`${a}: incremental ${JSON.stringify(engine.value(a))} vs fresh ${JSON.stringify(fresh.value(a))}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bad input at the boundary gives values, not exceptions', () => {
    const engine = createEngine({ rows: 3, cols: 3, cells: { ZZ9: '1', A1: '=(((' }, names: { '1bad': 'A1', ok: 'Q99' }, colWidths: {}, charts: [], pins: [] });
    expect(engine.value('A1')).toMatchObject({ code: '#ERROR!' });
    expect(engine.value('not an address')).toMatchObject({ code: '#REF!' });
    expect(engine.setCell('Z99', '1').size).toBe(0);
    expect(engine.setName('nowhere', 'x')).toMatchObject({ kind: 'error' });
    expect(engine.copyTsv('garbage')).toBe('');
    expect(engine.insertRows(-1, 1).size).toBe(0);
    expect(engine.deleteRows(0, 99).size).toBeGreaterThanOrEqual(0);
    expect(engine.rows).toBe(1);
    expect(engine.toState().names).toEqual({});
  });
});
