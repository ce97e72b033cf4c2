/**
 * The keys of the =NOTE("key") cells that the default sheet and the presets write. A note cell's
 * value is just its key; the texts (English, Chinese) live in src/i18n/notes.ts, which the engine
 * never imports, and the reader's translator turns the key into words (see format.ts).
 */

export const NOTE_KEYS = [
  'note.intro',
  'note.problem',
  'note.gradMode',
  'note.start',
  'note.steps',
  'note.gradSwitch',
  'note.gradUsed',
  'note.rate',
  'note.loss',
  'note.eigenvalues',
  'note.trueEigenvalues',
  'note.gd',
  'note.momentum',
  'note.theory',
  'note.directions',
  'note.gdCorrected',
  'note.momentumCorrected',
  'note.momentumPolyak',
  'note.ewma',
  'note.ewmaMomentum',
  'note.regression',
  'note.framework',
  'note.gluon',
  'note.pytorch',
  'note.conventions',
  'note.exercises',
  'note.sgd',
  'note.sgdSame',
  'note.sweep',
] as const;

export type NoteKey = (typeof NOTE_KEYS)[number];
