/**
 * The operators a formula may use, keyed by the function name mathjs gives them, declared like
 * functions (so they share coercion and error propagation). Arithmetic builds a formula when an
 * operand is an objective; `&` joins text, as in spreadsheets; comparisons of text ignore case.
 */
import { define, toNumber, type FunctionSpec } from './coerce';
import type { CellValue } from './types';
import { booleanValue, numberValue, sheetError, textValue } from './values';

const binary = (op: string) => (p: readonly string[]) => `(${p[0]}) ${op} (${p[1]})`;

/** Order two values: numbers (and booleans, empty) numerically, text case-insensitively; null if unlike. */
function compare(a: CellValue, b: CellValue): number | null {
  if (a.kind === 'text' && b.kind === 'text') {
    const x = a.value.toLowerCase();
    const y = b.value.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const numeric = (v: CellValue) => v.kind === 'number' || v.kind === 'boolean' || v.kind === 'empty';
  if (numeric(a) && numeric(b)) return Math.sign((toNumber(a) as number) - (toNumber(b) as number));
  if (a.kind === 'empty' && b.kind === 'text') return b.value === '' ? 0 : -1;
  if (b.kind === 'empty' && a.kind === 'text') return a.value === '' ? 0 : 1;
  return null;
}

function comparison(name: string, test: (order: number) => boolean, unlike: boolean | null): FunctionSpec {
  return define({
    name,
    params: ['value', 'value'],
    syntax: `a ${name} b`,
    body: ([a, b]) => {
      const order = compare(a, b);
      if (order !== null) return booleanValue(test(order));
      return unlike === null ? sheetError('#VALUE!', 'error.expectedNumber', { name, position: 2, got: b.kind }) : booleanValue(unlike);
    },
  });
}

export const OPERATORS: Readonly<Record<string, FunctionSpec>> = {
  add: define({ name: '+', params: ['number', 'number'], symbolic: binary('+'), syntax: 'a + b', body: ([a, b]) => numberValue(a + b) }),
  subtract: define({ name: '-', params: ['number', 'number'], symbolic: binary('-'), syntax: 'a - b', body: ([a, b]) => numberValue(a - b) }),
  multiply: define({ name: '*', params: ['number', 'number'], symbolic: binary('*'), syntax: 'a * b', body: ([a, b]) => numberValue(a * b) }),
  divide: define({
    name: '/',
    params: ['number', 'number'],
    symbolic: binary('/'),
    syntax: 'a / b',
    body: ([a, b]) => (b === 0 ? sheetError('#DIV/0!', 'error.divideByZero') : numberValue(a / b)),
  }),
  pow: define({ name: '^', params: ['number', 'number'], symbolic: binary('^'), syntax: 'a ^ b', body: ([a, b]) => numberValue(a ** b) }),
  mod: define({
    name: 'mod',
    params: ['number', 'number'],
    syntax: 'a mod b',
    body: ([a, b]) => (b === 0 ? sheetError('#DIV/0!', 'error.divideByZero') : numberValue(a - b * Math.floor(a / b))),
  }),
  unaryMinus: define({ name: '-', params: ['number'], symbolic: (p) => `-(${p[0]})`, syntax: '-a', body: ([a]) => numberValue(-a) }),
  unaryPlus: define({ name: '+', params: ['number'], symbolic: (p) => p[0], syntax: '+a', body: ([a]) => numberValue(a) }),
  equal: comparison('=', (o) => o === 0, false),
  unequal: comparison('<>', (o) => o !== 0, true),
  smaller: comparison('<', (o) => o < 0, null),
  larger: comparison('>', (o) => o > 0, null),
  smallerEq: comparison('<=', (o) => o <= 0, null),
  largerEq: comparison('>=', (o) => o >= 0, null),
  and: define({ name: 'and', params: ['bool', 'bool'], syntax: 'a and b', body: ([a, b]) => booleanValue(a && b) }),
  or: define({ name: 'or', params: ['bool', 'bool'], syntax: 'a or b', body: ([a, b]) => booleanValue(a || b) }),
  xor: define({ name: 'xor', params: ['bool', 'bool'], syntax: 'a xor b', body: ([a, b]) => booleanValue(a !== b) }),
  not: define({ name: 'not', params: ['bool'], syntax: 'not a', body: ([a]) => booleanValue(!a) }),
  bitAnd: define({ name: '&', params: ['text', 'text'], syntax: 'a & b', body: ([a, b]) => textValue(a + b) }),
};

/** The comparison behind a chained relation such as `0 < A1 <= 1`, by its mathjs name. */
export const RELATIONS: Readonly<Record<string, FunctionSpec>> = {
  equal: OPERATORS.equal,
  unequal: OPERATORS.unequal,
  smaller: OPERATORS.smaller,
  larger: OPERATORS.larger,
  smallerEq: OPERATORS.smallerEq,
  largerEq: OPERATORS.largerEq,
};
