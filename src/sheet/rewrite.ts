/**
 * Rewriting references inside formula text, for paste (relative references shift, `$` parts
 * stay) and for inserting or deleting rows and columns (every reference follows its cell). The
 * text is edited token by token, so spacing, case of untouched parts and string literals stay
 * as the user typed them. A reference whose cell is gone becomes the marker `#REF!`, which the
 * parser reads as REFERR() and which evaluates to #REF! (reason 'error.deletedReference').
 */
import { formatRef, parseRef, type CellRef } from './address';
import { REF_ERROR_TEXT, tokenize, untokenize, type Token } from './lexer';
import { classifySymbol } from './references';

export interface RefMapper {
  /** Where a single reference goes; null: it is gone. */
  ref(ref: CellRef): CellRef | null;
  /** Where a range's two corners go; null: the whole range is gone. */
  range(start: CellRef, end: CellRef): readonly [CellRef, CellRef] | null;
  /** A name's replacement text; null: gone (#REF!); undefined: unchanged. */
  name?(lowerName: string): string | null | undefined;
}

type Axis = 'row' | 'col';

function isSymbolIdent(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'ident' && token.role === 'symbol';
}

function sameRef(a: CellRef, b: CellRef): boolean {
  return a.row === b.row && a.col === b.col && a.rowAbsolute === b.rowAbsolute && a.colAbsolute === b.colAbsolute;
}

/** Index of the next non-space token after `i`, or -1. */
function nextSolid(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && tokens[j].kind === 'space') j += 1;
  return j < tokens.length ? j : -1;
}

/**
 * Apply a mapper to the references of a formula; anything that is not a formula is returned
 * unchanged. `rewriteFormula("=A1+B$2", shiftMapper(1, 0))` → "=A2+B$2".
 */
export function rewriteFormula(raw: string, mapper: RefMapper): string {
  const lead = raw.indexOf('=');
  if (lead < 0 || raw.slice(0, lead).trim() !== '') return raw;
  const tokens = tokenize(raw.slice(lead + 1));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!isSymbolIdent(token)) {
      out.push(token);
      continue;
    }
    const meaning = classifySymbol(token.text);
    if (meaning.kind === 'name' && mapper.name) {
      const replaced = mapper.name(meaning.name);
      out.push(replaced === undefined ? token : { kind: 'ident', text: replaced ?? REF_ERROR_TEXT });
      continue;
    }
    if (meaning.kind !== 'ref') {
      out.push(token);
      continue;
    }
    // A range is `ref : ref`, spaces allowed around the colon.
    const colon = nextSolid(tokens, i);
    const endIndex = colon >= 0 && tokens[colon].text === ':' ? nextSolid(tokens, colon) : -1;
    const endRef = endIndex >= 0 && isSymbolIdent(tokens[endIndex]) ? parseRef(tokens[endIndex].text) : null;
    if (endRef !== null) {
      const mapped = mapper.range(meaning.ref, endRef);
      if (mapped === null) out.push({ kind: 'refError', text: REF_ERROR_TEXT });
      else {
        out.push(sameRef(mapped[0], meaning.ref) ? token : { kind: 'ident', text: formatRef(mapped[0]) });
        out.push(...tokens.slice(i + 1, endIndex));
        out.push(sameRef(mapped[1], endRef) ? tokens[endIndex] : { kind: 'ident', text: formatRef(mapped[1]) });
      }
      i = endIndex;
      continue;
    }
    const mapped = mapper.ref(meaning.ref);
    if (mapped === null) out.push({ kind: 'refError', text: REF_ERROR_TEXT });
    else out.push(sameRef(mapped, meaning.ref) ? token : { kind: 'ident', text: formatRef(mapped) });
  }
  return `${raw.slice(0, lead + 1)}${untokenize(out)}`;
}

/** Paste: relative parts move by (dr, dc), `$` parts stay; a reference pushed off the sheet's top or left is gone. */
export function shiftMapper(dr: number, dc: number): RefMapper {
  const shift = (ref: CellRef): CellRef | null => {
    const row = ref.rowAbsolute ? ref.row : ref.row + dr;
    const col = ref.colAbsolute ? ref.col : ref.col + dc;
    return row < 0 || col < 0 ? null : { ...ref, row, col };
  };
  return {
    ref: shift,
    range(start, end) {
      const a = shift(start);
      const b = shift(end);
      return a === null || b === null ? null : [a, b];
    },
  };
}

/** Where index `i` goes when `count` rows/cols are inserted before `at`, or deleted from `at` on (null: deleted). */
export function mapIndex(i: number, op: 'insert' | 'delete', at: number, count: number): number | null {
  if (i < at) return i;
  if (op === 'insert') return i + count;
  return i < at + count ? null : i - count;
}

/** Insert or delete rows/columns: references follow their cells; a range shrinks, and is gone only when all of it is. */
export function structuralMapper(axis: Axis, op: 'insert' | 'delete', at: number, count: number): RefMapper {
  const get = (ref: CellRef) => (axis === 'row' ? ref.row : ref.col);
  const put = (ref: CellRef, value: number): CellRef => (axis === 'row' ? { ...ref, row: value } : { ...ref, col: value });
  return {
    ref(ref) {
      const moved = mapIndex(get(ref), op, at, count);
      return moved === null ? null : put(ref, moved);
    },
    range(start, end) {
      const [first, last] = get(start) <= get(end) ? [start, end] : [end, start];
      const lo = get(first);
      const hi = get(last);
      let newLo: number;
      let newHi: number;
      if (op === 'insert') {
        newLo = lo >= at ? lo + count : lo;
        newHi = hi >= at ? hi + count : hi;
      } else {
        newLo = mapIndex(lo, op, at, count) ?? at;
        newHi = mapIndex(hi, op, at, count) ?? at - 1;
        if (newHi < newLo) return null;
      }
      return [put(first, newLo), put(last, newHi)];
    },
  };
}

/** Rename (or, with null, delete) names in formula text; every other symbol is left alone. */
export function nameMapper(renames: ReadonlyMap<string, string | null>): RefMapper {
  return {
    ref: (ref) => ref,
    range: (start, end) => [start, end],
    name: (lowerName) => (renames.has(lowerName) ? renames.get(lowerName) : undefined),
  };
}
