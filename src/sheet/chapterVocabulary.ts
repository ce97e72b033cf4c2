/**
 * Constants of the chapter's layout that links, state files and the engine all speak: plain data
 * with no engine behind it, so the link codecs (src/share) may use them at run time without
 * pulling the engine into the page (the layering check allows this module like A1 addressing).
 */

/** The gradient switch of the chapter's layout: the printed (erratum) gradient or the true one. */
export const GRADIENT_CHOICES: readonly string[] = ['printed', 'corrected'];

/** The name of that switch's cell (names are matched without regard to case). */
export const GRADIENT_SWITCH_NAME = 'grad_mode';

/** Longest list, and longest value, a choice cell may have (the share schema uses the same bounds). */
export const CHOICE_LIMITS = { maxChoices: 64, maxChoiceChars: 200 } as const;

/** The gradient cell: the chapter's printed gradient (for the chapter's f only) or the true one. */
export const GRADIENT_FORMULA = "=IF(grad_mode='printed',PRINTED_GRAD(f),GRAD(f))";
