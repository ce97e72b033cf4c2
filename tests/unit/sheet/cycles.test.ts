import { describe, expect, it } from 'vitest';
import { DependencyGraph, orderCone } from '../../../src/sheet/graph';
import { code, num, sheet } from './helpers';

describe('cycles', () => {
  it('a cell reading itself is #CYCLE!', () => {
    expect(code(sheet({ A1: '=A1' }), 'A1')).toBe('#CYCLE!');
  });

  it('A1 → B1 → A1 gives #CYCLE! in both cells, and dependents inherit it', () => {
    const e = sheet({ A1: '=B1+1', B1: '=A1*2', C1: '=A1+100' });
    expect(code(e, 'A1')).toBe('#CYCLE!');
    expect(code(e, 'B1')).toBe('#CYCLE!');
    expect(code(e, 'C1')).toBe('#CYCLE!');
  });

  it('breaking a cycle restores every cell on it', () => {
    const e = sheet({ A1: '=B1+1', B1: '=A1*2', C1: '=A1+100' });
    e.setCell('B1', '5');
    expect(num(e, 'A1')).toBe(6);
    expect(num(e, 'C1')).toBe(106);
  });

  it('a cycle through a range is caught', () => {
    const e = sheet({ A1: '1', A2: '=SUM(A1:A3)', A3: '2' });
    expect(code(e, 'A2')).toBe('#CYCLE!');
    expect(num(e, 'A1')).toBe(1);
  });

  it('a cycle through names is caught', () => {
    const e = sheet({ A1: '=b+1', B1: '=a*2' }, { a: 'A1', b: 'B1' });
    expect(code(e, 'A1')).toBe('#CYCLE!');
    expect(code(e, 'B1')).toBe('#CYCLE!');
  });

  it('only the cells on the cycle are cyclic; an IF that would avoid it does not help (dependencies are static)', () => {
    const e = sheet({ A1: '=IF(TRUE, 1, A2)', A2: '=A1', A3: '7' });
    expect(code(e, 'A1')).toBe('#CYCLE!');
    expect(num(e, 'A3')).toBe(7);
  });
});

// Generous time limits: the machine running the suite may be shared; no assertion is about time.
describe('long chains', { timeout: 180_000 }, () => {
  const LENGTH = 100_000;
  const chain = (): [string, string][] => {
    const entries: [string, string][] = [['A1', '1']];
    for (let row = 2; row <= LENGTH; row += 1) entries.push([`A${row}`, `=A${row - 1}+1`]);
    return entries;
  };

  it('a chain of 100 000 formulas evaluates without overflowing the stack, and closing it marks every cell', () => {
    const e = sheet({}, {}, { rows: LENGTH, cols: 2 });
    e.setCells(chain());
    expect(num(e, `A${LENGTH}`)).toBe(LENGTH);
    e.setCell('A1', `=A${LENGTH}+1`);
    expect(code(e, 'A1')).toBe('#CYCLE!');
    expect(code(e, 'A50000')).toBe('#CYCLE!');
    expect(code(e, `A${LENGTH}`)).toBe('#CYCLE!');
    e.setCell('A1', '10');
    expect(num(e, `A${LENGTH}`)).toBe(LENGTH + 9);
  });

  it('the graph orders a 100 000-long chain and finds the cycle iteratively', () => {
    const graph = new DependencyGraph();
    for (let i = 1; i < LENGTH; i += 1) graph.setPrecedents(`c${i}`, new Set([`c${i - 1}`]));
    const open = orderCone(graph, graph.cone(['c0']));
    expect(open.order.length).toBe(LENGTH);
    expect(open.order[0]).toBe('c0');
    expect(open.order[LENGTH - 1]).toBe(`c${LENGTH - 1}`);
    expect(open.cyclic.size).toBe(0);
    graph.setPrecedents('c0', new Set([`c${LENGTH - 1}`]));
    const closed = orderCone(graph, graph.cone(['c0']));
    expect(closed.cyclic.size).toBe(LENGTH);
  });

  it('an evaluation order puts every cell after the cells it reads', () => {
    const graph = new DependencyGraph();
    // A diamond with a tail: d reads b and c, which both read a; e reads d and a.
    graph.setPrecedents('b', new Set(['a']));
    graph.setPrecedents('c', new Set(['a']));
    graph.setPrecedents('d', new Set(['b', 'c']));
    graph.setPrecedents('e', new Set(['d', 'a']));
    const { order } = orderCone(graph, graph.cone(['a']));
    for (const cell of order) {
      for (const precedent of graph.precedentsOf(cell)) expect(order.indexOf(precedent)).toBeLessThan(order.indexOf(cell));
    }
  });

  it('ordering gives up (null) past its edge budget instead of walking on', () => {
    const graph = new DependencyGraph();
    for (let i = 1; i < 1_000; i += 1) graph.setPrecedents(`c${i}`, new Set([`c${i - 1}`]));
    expect(orderCone(graph, graph.cone(['c0']), 500)).toBeNull();
    expect(orderCone(graph, graph.cone(['c0']), 1_000)?.order.length).toBe(1_000);
  });
});
