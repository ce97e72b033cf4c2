/**
 * Choice cells (SheetState.validations): a cell whose value must be one of a list, such as the
 * gradient switch grad_mode ('printed' / 'corrected'). Free text there used to mean "corrected"
 * for anything but the exact word "printed"; now a value outside the list is #VALUE! and says
 * which values the cell takes.
 */
import type { CellAddress, CellValue } from './types';
import { sheetError } from './values';

import { CHOICE_LIMITS } from './chapterVocabulary';
export { CHOICE_LIMITS, GRADIENT_CHOICES } from './chapterVocabulary';

/** The text a value offers to a choice list, or null when it has none. */
function choiceText(value: CellValue): string | null {
  switch (value.kind) {
    case 'text':
      return value.value;
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'empty':
      return '';
    default:
      return null;
  }
}

/**
 * The value of a choice cell: unchanged when it is one of `choices` (exactly: no trimming, no
 * case folding), errors and pending runs unchanged, anything else #VALUE!.
 * `applyChoices({ kind: 'text', value: 'print' }, ['printed', 'corrected']).kind === 'error'`
 */
export function applyChoices(value: CellValue, choices: readonly string[] | undefined): CellValue {
  if (choices === undefined || value.kind === 'error' || value.kind === 'pending') return value;
  const text = choiceText(value);
  if (text !== null && choices.includes(text)) return value;
  return sheetError('#VALUE!', 'error.notAChoice', { got: text ?? value.kind, choices: choices.join(' / ') });
}

/** Keep only well-formed lists for cells that pass `fits` (an address normaliser), e.g. when loading a state. */
export function sanitizeValidations(
  validations: unknown,
  fits: (address: unknown) => CellAddress | null,
): Record<CellAddress, readonly string[]> {
  const out: Record<CellAddress, readonly string[]> = {};
  if (validations === null || typeof validations !== 'object') return out;
  for (const [address, list] of Object.entries(validations as Record<string, unknown>)) {
    const key = fits(address);
    const ok =
      Array.isArray(list) &&
      list.length >= 1 &&
      list.length <= CHOICE_LIMITS.maxChoices &&
      list.every((item) => typeof item === 'string' && item.length <= CHOICE_LIMITS.maxChoiceChars);
    if (key !== null && ok) out[key] = [...(list as string[])];
  }
  return out;
}

/** Do two validation records hold the same lists? */
export function sameValidations(
  a: Readonly<Record<CellAddress, readonly string[]>>,
  b: Readonly<Record<CellAddress, readonly string[]>>,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && a[k].length === b[k].length && a[k].every((c, i) => c === b[k][i]));
}
