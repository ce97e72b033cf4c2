/**
 * A light tokenizer for formula text. It does not parse (mathjs does that); it finds the spans
 * that formula rewriting must touch — identifiers that are references or names, `#REF!`, the
 * spreadsheet operators `=` and `<>` — while leaving string literals and numbers alone, so an
 * edit keeps the user's spacing and parentheses exactly as typed.
 */

export type TokenKind = 'string' | 'number' | 'ident' | 'refError' | 'space' | 'op';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /**
   * ident only: how it is used. `field` follows a dot (`B10.f`), `call` is followed by `(`
   * (a function name), `symbol` is anything else (a reference, a name, a constant).
   */
  readonly role?: 'field' | 'call' | 'symbol';
}

/** The marker a deleted reference leaves in formula text; the parser reads it as REFERR(). */
export const REF_ERROR_TEXT = '#REF!';

const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const TWO_CHAR_OPS = ['<>', '==', '!=', '<=', '>=', '.*', './', '.^'];

function scanString(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

function scanNumber(text: string, start: number): number {
  let i = start;
  if (text[i] === '0' && /[xXbBoO]/.test(text[i + 1] ?? '')) {
    i += 2;
    while (i < text.length && /[0-9a-zA-Z.]/.test(text[i])) i += 1;
    return i;
  }
  while (i < text.length && DIGIT.test(text[i])) i += 1;
  if (text[i] === '.' && DIGIT.test(text[i + 1] ?? '')) {
    i += 1;
    while (i < text.length && DIGIT.test(text[i])) i += 1;
  } else if (text[i] === '.' && !IDENT_START.test(text[i + 1] ?? '')) {
    i += 1;
  }
  if (/[eE]/.test(text[i] ?? '')) {
    const sign = /[+-]/.test(text[i + 1] ?? '') ? 1 : 0;
    if (DIGIT.test(text[i + 1 + sign] ?? '')) {
      i += 1 + sign;
      while (i < text.length && DIGIT.test(text[i])) i += 1;
    }
  }
  return i;
}

/** Split formula text (without its leading `=`) into tokens whose texts concatenate back to it. */
export function tokenize(text: string): Token[] {
  const raw: { kind: TokenKind; text: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    let end: number;
    let kind: TokenKind;
    if (ch === '"' || ch === "'") {
      kind = 'string';
      end = scanString(text, i);
    } else if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      kind = 'number';
      end = scanNumber(text, i);
    } else if (IDENT_START.test(ch)) {
      kind = 'ident';
      end = i + 1;
      while (end < text.length && IDENT_PART.test(text[end])) end += 1;
    } else if (/\s/.test(ch)) {
      kind = 'space';
      end = i + 1;
      while (end < text.length && /\s/.test(text[end])) end += 1;
    } else if (text.startsWith(REF_ERROR_TEXT, i)) {
      kind = 'refError';
      end = i + REF_ERROR_TEXT.length;
    } else {
      kind = 'op';
      end = TWO_CHAR_OPS.includes(text.slice(i, i + 2)) ? i + 2 : i + 1;
    }
    raw.push({ kind, text: text.slice(i, end) });
    i = end;
  }
  return raw.map((token, index) => (token.kind === 'ident' ? { ...token, role: identRole(raw, index) } : token));
}

function neighbour(tokens: readonly { kind: TokenKind; text: string }[], index: number, step: 1 | -1) {
  let j = index + step;
  while (j >= 0 && j < tokens.length && tokens[j].kind === 'space') j += step;
  return tokens[j];
}

function identRole(tokens: readonly { kind: TokenKind; text: string }[], index: number): Token['role'] {
  const before = tokens[index - 1];
  if (before !== undefined && before.kind === 'op' && before.text === '.') return 'field';
  const after = neighbour(tokens, index, 1);
  if (after !== undefined && after.kind === 'op' && after.text === '(') return 'call';
  return 'symbol';
}

/** Join tokens back into text. */
export function untokenize(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join('');
}
