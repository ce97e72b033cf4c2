/**
 * English for the sheet engine's error reasons. An ErrorValue carries only its `reason` (one of
 * src/sheet/errorMessages.ts's ERROR_REASON_KEYS) and `args`, which fill the `{placeholders}`
 * here. The keys are stable, since links and tests name them: add keys, never rename them.
 */

export const ERROR_MESSAGES_EN = {
  'error.unknownName': 'There is no cell, name or constant called “{name}”.',
  'error.unknownFunction': 'There is no function called “{name}”.',
  'error.unknownField': 'A {kind} value has no part called “.{field}”.',
  'error.outsideSheet': 'The reference {ref} points outside the sheet.',
  'error.deletedReference': 'This formula referred to a cell that has been deleted.',
  'error.rangeTooLarge': 'The range {range} is too large ({count} cells).',
  'error.cycle': 'This cell depends on itself through a chain of formulas.',
  'error.divideByZero': 'Division by zero.',
  'error.emptyAverage': 'There are no numbers to average.',
  'error.expectedNumber': 'Argument {position} of {name} must be a number, not {got}.',
  'error.expectedInteger': 'Argument {position} of {name} must be a whole number.',
  'error.expectedText': 'Argument {position} of {name} must be text, not {got}.',
  'error.expectedBoolean': 'Argument {position} of {name} must be TRUE or FALSE, not {got}.',
  'error.expectedObjective': 'Argument {position} of {name} must be a formula in x1 and x2, not {got}.',
  'error.expectedGradient': 'Argument {position} of {name} must be a gradient such as [0.2*x1, 4*x2], not {got}.',
  'error.expectedModel': 'Argument {position} of {name} must be an objective or a gradient, not {got}.',
  'error.wrongArgCount': '{name} takes {expected} arguments, not {got}.',
  'error.badOption': 'Argument {position} of {name} must be one of {options}, not “{got}”.',
  'error.outOfRange': 'Argument {position} of {name} must lie between {min} and {max}.',
  'error.notFinite': 'The result is not a finite number.',
  'error.objectiveHere': 'A formula in x1 and x2 cannot be used with {name}; only arithmetic and smooth functions can.',
  'error.gradientShape': 'A gradient has exactly two components, each a number or a formula in x1 and x2.',
  'error.notDifferentiable': 'The objective cannot be differentiated: {message}.',
  'error.notQuadratic': 'This needs a quadratic objective (or a linear gradient): {detail}.',
  'error.unsupportedSyntax': 'Formulas cannot contain {syntax}.',
  'error.parse': 'The formula cannot be read: {message}.',
  'error.diverged': 'The run diverged at step {step}.',
  'error.notDiverged': 'The run did not diverge.',
  'error.noGradientCheck': 'The run used the objective’s own gradient, so there is nothing to check.',
  'error.runFailed': 'The computation failed: {message}.',
  'error.indexOutOfRange': 'Index {index} is outside 1…{size}.',
  'error.mixedArray': 'An array must hold plain values, not {got}.',
  'error.invalidName':
    '“{name}” cannot be a name: use letters, digits and _, start with a letter, and avoid cell addresses, x1, x2 and function names.',
  'error.nameTaken': 'The name “{name}” already belongs to {cell}.',
  'error.invalidAddress': '“{address}” is not a cell of this sheet.',
  'error.outOfHalfOpenRange': 'Argument {position} of {name} must be at least {min} and below {max}.',
  'error.lengthMismatch': '{name} needs two series of the same length, not {left} and {right} values.',
  'error.printedGradientMismatch':
    'The chapter’s printed gradient (0.2·x1, 2·x2) belongs to its objective 0.1·x1² + 2·x2² only, not to {objective}: switch the gradient to “corrected”.',
  'error.noTheory': 'The run’s gradient is not linear in x1 and x2, so it has no eigendirections to follow.',
  'error.notAChoice': 'This cell takes one of these values: {choices}. “{got}” is not one of them.',
  'error.runTooLarge': 'The run is too large: {quantity} would be {count}, above the limit of {max}.',
  'error.badAxis': 'Argument {position} of {name} must be one or more finite numbers (a range, an array or LINSPACE), not {got}.',
  'error.allDiverged': 'Every configuration of the sweep diverged.',
  'error.badDataRows': '{count} rows of the data range have a missing or non-numeric value; the first is at {address}.',
  'error.badDataShape': 'A data range holds 1 to {max} feature columns and then the label column, not {cols} columns.',
  'error.dataRangeOptions': 'n and noise describe the generated data set; leave them out when a data range is given.',
} as const;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES_EN;
