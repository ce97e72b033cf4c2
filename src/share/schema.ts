/**
 * The one schema of what a link, a state file and the autosave carry: an envelope around a
 * SheetState. Unknown fields are stripped; every string, number and count is bounded, because a
 * link is untrusted input that the app will evaluate and send to the compute worker.
 */
import { z } from 'zod';
import type { ComputeRequest, Path2DRequest, RegressionRequest } from '../core/runTypes';
import type { ChartBinding, Pin, SheetState } from '../sheet/types';
import { insideSheet, parseAddress } from '../sheet/address';
import { CHOICE_LIMITS } from '../sheet/chapterVocabulary';

/** Bounds of a valid sheet. Generous for real sheets, small enough that no link can stall the tab. */
export const SHEET_LIMITS = {
  maxRows: 10_000,
  maxCols: 10_000,
  maxCells: 20_000,
  maxRawChars: 10_000,
  maxNames: 1_000,
  maxCharts: 64,
  /** Addresses a chart's run picker adds or removes. */
  maxChartRuns: 256,
  maxPins: 256,
  maxLabelChars: 200,
  maxIdChars: 64,
  maxFormulaChars: 10_000,
  maxColWidth: 5_000,
  maxSteps2d: 10_000,
  maxExamples: 100_000,
  maxEpochs: 1_000,
  maxConfigs: 64,
  maxEigenvalues: 64,
  maxGridSide: 2_000,
  maxContourLevels: 200,
  maxChoices: CHOICE_LIMITS.maxChoices,
  maxChoiceChars: CHOICE_LIMITS.maxChoiceChars,
} as const;

const L = SHEET_LIMITS;

/** A stored address: upper-case column letters, then a row without leading zero, no `$`. */
export const ADDRESS_PATTERN = /^[A-Z]{1,3}[1-9][0-9]{0,4}$/;
const COLUMN_PATTERN = /^[A-Z]{1,3}$/;
/** A name the sheet may bind: a letter or underscore, then letters, digits, `_` or `.`. */
export const NAME_PATTERN = /^[\p{L}_][\p{L}\p{N}_.]{0,63}$/u;
/** A chart source: an address, an `A1:B2` range (`$` allowed), or a name. */
const RANGE_PATTERN = /^\$?[A-Z]{1,3}\$?[1-9][0-9]{0,4}(:\$?[A-Z]{1,3}\$?[1-9][0-9]{0,4})?$/;

const finite = z.number();
const count = (min: number, max: number) => z.int().min(min).max(max);
const vec2 = z.tuple([finite, finite]);
const formula = z.string().max(L.maxFormulaChars);
const address = z.string().regex(ADDRESS_PATTERN, 'not an A1 address');

const path2dSchema = z.object({
  kind: z.literal('path2d'),
  method: z.enum(['gd', 'momentum', 'nesterov']),
  objective: formula,
  gradient: z.tuple([formula, formula]).nullable(),
  start: vec2,
  eta: finite,
  gamma: finite,
  steps: count(0, L.maxSteps2d),
}) satisfies z.ZodType<Path2DRequest>;

const regressionSchema = z
  .object({
    kind: z.literal('regression'),
    data: z.object({
      n: count(1, L.maxExamples),
      trueW: vec2,
      trueB: finite,
      noise: finite.min(0),
      seed: z.int(),
    }),
    batchSize: count(1, L.maxExamples),
    epochs: count(1, L.maxEpochs),
    decayEpoch: count(0, L.maxEpochs).nullable(),
    decayFactor: finite,
    trainSeed: z.int(),
    initScale: finite.min(0),
    configs: z
      .array(z.object({ lr: finite, momentum: finite, convention: z.enum(['mxnet', 'pytorch']), optimizer: z.literal('sgd').optional() }))
      .min(1)
      .max(L.maxConfigs),
  })
  .refine((r) => r.batchSize <= r.data.n, {
    message: 'batch size exceeds the number of examples',
    path: ['batchSize'],
  }) satisfies z.ZodType<RegressionRequest>;

const rateMapSchema = z.object({
  kind: z.literal('rateMap'),
  eigenvalues: z.array(finite).min(1).max(L.maxEigenvalues),
  lrRange: vec2,
  momentumRange: vec2,
  width: count(1, L.maxGridSide),
  height: count(1, L.maxGridSide),
});

const contourSchema = z.object({
  kind: z.literal('contours'),
  objective: formula,
  x1Range: vec2,
  x2Range: vec2,
  levels: count(1, L.maxContourLevels),
  resolution: count(2, L.maxGridSide),
});

export const computeRequestSchema = z.discriminatedUnion('kind', [
  path2dSchema,
  regressionSchema,
  rateMapSchema,
  contourSchema,
]) satisfies z.ZodType<ComputeRequest>;

const chartSchema = z.object({
  id: z.string().min(1).max(L.maxIdChars),
  kind: z.enum(['trajectories', 'ewma', 'loss', 'rateMap', 'eigen', 'sweep']),
  source: z
    .string()
    .max(L.maxIdChars)
    .refine((s) => RANGE_PATTERN.test(s) || NAME_PATTERN.test(s), 'not a range or a name'),
  arrows: z.boolean().optional(),
  include: z.array(address).max(L.maxChartRuns).optional(),
  exclude: z.array(address).max(L.maxChartRuns).optional(),
  arrowsFor: address.optional(),
}) satisfies z.ZodType<ChartBinding>;

const pinSchema = z.object({
  id: z.string().min(1).max(L.maxIdChars),
  label: z.string().max(L.maxLabelChars),
  cell: address,
  request: computeRequestSchema,
}) satisfies z.ZodType<Pin>;

/** A record whose entry count is checked too (zod records have no size bound of their own). */
function boundedRecord<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V, max: number) {
  return z.record(key, value).refine((r) => Object.keys(r).length <= max, `more than ${max} entries`);
}

/**
 * SheetState. names, colWidths, charts and pins default to empty, which keeps links short;
 * validations (choice cells) is present only when a sheet has some.
 * Cells and names must lie inside the rows × cols grid; a width kept for a column beyond it is
 * harmless (the grid ignores it), so it is accepted rather than make a sheet unshareable.
 */
export const sheetStateSchema = z
  .object({
    rows: count(1, L.maxRows),
    cols: count(1, L.maxCols),
    cells: boundedRecord(address, z.string().max(L.maxRawChars), L.maxCells),
    names: boundedRecord(z.string().regex(NAME_PATTERN, 'not a valid name'), address, L.maxNames).default({}),
    colWidths: boundedRecord(z.string().regex(COLUMN_PATTERN), finite.min(0).max(L.maxColWidth), L.maxCols).default({}),
    charts: z.array(chartSchema).max(L.maxCharts).default([]),
    pins: z.array(pinSchema).max(L.maxPins).default([]),
    // Optional rather than defaulted: a sheet without choice cells reads back without the field.
    validations: boundedRecord(address, z.array(z.string().max(L.maxChoiceChars)).min(1).max(L.maxChoices), L.maxCells).optional(),
  })
  .superRefine((state, ctx) => {
    const outside = (where: (string | number)[], a: string) => {
      const position = parseAddress(a);
      if (position !== null && !insideSheet(position, state.rows, state.cols)) {
        ctx.addIssue({ code: 'custom', message: `${a} is outside the ${state.rows}×${state.cols} grid`, path: where });
      }
    };
    for (const a of Object.keys(state.cells)) outside(['cells', a], a);
    for (const [name, a] of Object.entries(state.names)) outside(['names', name], a);
    for (const a of Object.keys(state.validations ?? {})) outside(['validations', a], a);
  }) satisfies z.ZodType<SheetState>;

/** The marker a state file carries so that an unrelated JSON file is recognised as such. */
export const APP_MARKER = 'momentum-playground';

/** Envelope of format version 1: `{ app?, v: 1, state }`. */
export const envelopeV1Schema = z.object({
  app: z.literal(APP_MARKER).optional(),
  v: z.literal(1),
  state: sheetStateSchema,
});

export type EnvelopeV1 = z.infer<typeof envelopeV1Schema>;
