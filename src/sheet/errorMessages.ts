/**
 * Why a cell holds an error, as message-catalogue keys. An ErrorValue's `reason` is one of these
 * and its `args` fill the sentence's placeholders; the sentences themselves (English, Chinese)
 * live in src/i18n, which the engine never imports. Keys are stable because links and tests name
 * them: add keys, never rename them. tests/unit/i18n/engineKeys.test.ts checks that each has a
 * sentence in every language.
 */

export const ERROR_REASON_KEYS = [
  'error.unknownName',
  'error.unknownFunction',
  'error.unknownField',
  'error.outsideSheet',
  'error.deletedReference',
  'error.rangeTooLarge',
  'error.cycle',
  'error.divideByZero',
  'error.emptyAverage',
  'error.expectedNumber',
  'error.expectedInteger',
  'error.expectedText',
  'error.expectedBoolean',
  'error.expectedObjective',
  'error.expectedGradient',
  'error.expectedModel',
  'error.wrongArgCount',
  'error.badOption',
  'error.outOfRange',
  'error.notFinite',
  'error.objectiveHere',
  'error.gradientShape',
  'error.notDifferentiable',
  'error.notQuadratic',
  'error.unsupportedSyntax',
  'error.parse',
  'error.diverged',
  'error.notDiverged',
  'error.noGradientCheck',
  'error.runFailed',
  'error.indexOutOfRange',
  'error.mixedArray',
  'error.invalidName',
  'error.nameTaken',
  'error.invalidAddress',
  'error.outOfHalfOpenRange',
  'error.lengthMismatch',
  'error.printedGradientMismatch',
  'error.noTheory',
  'error.notAChoice',
  'error.runTooLarge',
  'error.badAxis',
  'error.allDiverged',
  'error.badDataRows',
  'error.badDataShape',
  'error.dataRangeOptions',
] as const;

export type ErrorReason = (typeof ERROR_REASON_KEYS)[number];
