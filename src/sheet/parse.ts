/**
 * Raw cell input → what it means: nothing, a number, a boolean, text, or a formula parsed by the
 * product's one restricted mathjs instance. A leading "=" marks a formula; a leading apostrophe
 * forces text ("'007"). Formula text gets the spreadsheet conveniences mathjs lacks before it is
 * parsed: a single `=` compares (so `=A1=3` is a test, never an assignment), `<>` means not
 * equal, typographic − × ÷ ≤ ≥ ≠ are accepted, and the `#REF!` marker left by deleted
 * references reads as the function REFERR(), which evaluates to #REF!.
 */
import { parseMath, type MathNode, type ParseFailure } from '../core/mathParser';
import type { ErrorReason } from './errorMessages';
import { tokenize, untokenize, type Token } from './lexer';
import { FORMULA_PARSE_LIMITS, LIMITS } from './limits';

export type ParsedInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'formula'; readonly node: MathNode }
  /** Unreadable or over a limit: the cell shows #ERROR! with this reason. */
  | { readonly kind: 'invalid'; readonly reason: ErrorReason; readonly args: Readonly<Record<string, string | number>> };

const NUMBER_INPUT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const OPERATOR_SPELLINGS: Readonly<Record<string, string>> = {
  '=': '==',
  '<>': '!=',
  '−': '-',
  '×': '*',
  '÷': '/',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
};

/** The function name that the `#REF!` marker becomes. */
export const REF_ERROR_FUNCTION = 'REFERR';

/** Spreadsheet formula text (without "=") → mathjs text: `prepareFormula("A1<>3") === "A1!=3"`. */
export function prepareFormula(text: string): string {
  const tokens: Token[] = tokenize(text).map((token) => {
    if (token.kind === 'refError') return { kind: 'ident', text: `${REF_ERROR_FUNCTION}()` };
    if (token.kind === 'op' && token.text in OPERATOR_SPELLINGS) return { kind: 'op', text: OPERATOR_SPELLINGS[token.text] };
    return token;
  });
  return untokenize(tokens);
}

/** Is this raw input a formula? `isFormula("=A1+1") === true`. */
export function isFormula(raw: string): boolean {
  return raw.trimStart().startsWith('=');
}

function invalidSize(reason: 'error.formulaTooLong' | 'error.formulaTooDeep' | 'error.formulaTooLarge', size: number, limit: number): ParsedInput {
  const args: Record<string, number> = { limit };
  if (reason === 'error.formulaTooLong') args.length = size;
  if (reason === 'error.formulaTooDeep') args.depth = size;
  return { kind: 'invalid', reason, args };
}

function invalidFormula(failure: ParseFailure): ParsedInput {
  switch (failure.reason) {
    case 'syntax':
      return { kind: 'invalid', reason: 'error.parse', args: { message: failure.message } };
    case 'tooLong':
      return invalidSize('error.formulaTooLong', failure.size ?? 0, failure.limit ?? LIMITS.formulaChars);
    case 'tooDeep':
      return invalidSize('error.formulaTooDeep', failure.size ?? 0, failure.limit ?? LIMITS.formulaNesting);
    case 'tooLarge':
      return invalidSize('error.formulaTooLarge', failure.size ?? 0, failure.limit ?? LIMITS.formulaNodes);
  }
}

/** Classify and parse raw input: `parseInput("=A1*2").kind === 'formula'`, `parseInput("0.9")` is the number 0.9. */
export function parseInput(raw: string): ParsedInput {
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('=')) {
    const body = trimmed.slice(1);
    if (body.trim() === '') return { kind: 'invalid', reason: 'error.parse', args: { message: 'the formula is empty' } };
    // Measured on the text as typed, so the count matches what the user sees.
    if (body.length > LIMITS.formulaChars) return invalidSize('error.formulaTooLong', body.length, LIMITS.formulaChars);
    const outcome = parseMath(prepareFormula(body), FORMULA_PARSE_LIMITS);
    return outcome.ok ? { kind: 'formula', node: outcome.node } : invalidFormula(outcome);
  }
  if (raw.startsWith("'")) return { kind: 'text', value: raw.slice(1) };
  if (NUMBER_INPUT.test(trimmed)) return { kind: 'number', value: Number(trimmed) };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  return { kind: 'text', value: raw };
}
