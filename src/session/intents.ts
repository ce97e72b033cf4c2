/**
 * What each intent does to the engine. Returns the cells it changed and whether the change can
 * move cells around (structural edits, loads, undo of either), in which case the session sends
 * a full snapshot instead of a cell list. Bad input changes nothing and says why.
 */
import { sweepTargets } from './sweepChart';
import { decodeState } from '../share/codec';
import { readStateFile } from '../share/stateFile';
import { parseRange, rangeAddresses } from '../sheet/address';
import type { SheetEngine } from '../sheet/engine';
import { PRESETS } from '../sheet/presets';
import type { ChangeSet } from '../sheet/types';
import type { Intent, Message } from './contract';
import { newPin, pinnableRequest } from './pins';
import { pasteNotice } from './sheetNotices';

export type IntentOutcome =
  | { readonly ok: true; readonly changes: ChangeSet; readonly scope: 'cells' | 'all'; readonly notice?: Message }
  | { readonly ok: false; readonly error: Message };

const NOTHING: ChangeSet = new Set();
const cells = (changes: ChangeSet): IntentOutcome => ({ ok: true, changes, scope: 'cells' });
const all = (changes: ChangeSet): IntentOutcome => ({ ok: true, changes, scope: 'all' });
/** Edits that may shift addresses: history entries of them do too, so undo/redo send everything. */
const SHIFTING: ReadonlySet<Intent['kind']> = new Set(['insert', 'delete', 'load', 'loadText', 'preset', 'undo', 'redo']);

const round = (value: number, digits: number) => Number(value.toPrecision(digits));

export function applyIntent(engine: SheetEngine, intent: Intent): IntentOutcome {
  const outcome = apply(engine, intent);
  return outcome.ok && SHIFTING.has(intent.kind) ? all(outcome.changes) : outcome;
}

function apply(engine: SheetEngine, intent: Intent): IntentOutcome {
  switch (intent.kind) {
    case 'setCells':
      return cells(engine.setCells(intent.entries));
    case 'clear': {
      const range = parseRange(intent.range);
      return range === null ? cells(NOTHING) : cells(engine.setCells(rangeAddresses(range).map((address) => [address, ''] as const)));
    }
    case 'paste': {
      const outcome = engine.pasteTsv(intent.target, intent.tsv, intent.source);
      const notice = pasteNotice(outcome);
      return notice === null ? cells(outcome.changes) : { ok: true, changes: outcome.changes, scope: 'cells', notice };
    }
    case 'insert':
    case 'delete': {
      const method = `${intent.kind}${intent.axis === 'row' ? 'Rows' : 'Cols'}` as const;
      return all(engine[method](intent.at, intent.count));
    }
    case 'setName': {
      const outcome = engine.setName(intent.address, intent.name);
      if (outcome instanceof Set) return cells(new Set([...outcome, intent.address]));
      const error = outcome as { reason: string; args?: Readonly<Record<string, string | number>> };
      return { ok: false, error: error.args === undefined ? { key: error.reason } : { key: error.reason, args: error.args } };
    }
    case 'setColWidth':
      engine.setColWidth(intent.column, intent.width);
      return cells(NOTHING);
    case 'setCharts':
      return cells(engine.setCharts(intent.charts));
    case 'pin': {
      const run = engine.runAt(intent.address);
      if (run === undefined) return { ok: false, error: { key: 'pin.noRun', args: { cell: intent.address } } };
      const { request } = run;
      if (!pinnableRequest(request)) return { ok: false, error: { key: 'pin.notPinnable', args: { cell: intent.address } } };
      return cells(engine.setPins([...engine.pinned(), newPin(intent.address, { request }, engine.pinned())]));
    }
    case 'unpin':
      return cells(engine.setPins(engine.pinned().filter((pin) => pin.id !== intent.id)));
    case 'undo':
      return cells(engine.undo());
    case 'redo':
      return cells(engine.redo());
    case 'load':
      return cells(engine.loadState(intent.state));
    case 'preset': {
      const preset = PRESETS.find((candidate) => candidate.id === intent.id);
      return preset === undefined ? { ok: false, error: { key: 'intent.unknownPreset', args: { id: intent.id } } } : cells(engine.loadState(preset.build()));
    }
    case 'loadText': {
      const decoded = intent.format === 'link' ? decodeState(intent.text) : readStateFile(intent.text);
      if (!decoded.ok) return { ok: false, error: decoded.error.args === undefined ? { key: decoded.error.key } : { key: decoded.error.key, args: decoded.error.args } };
      return cells(engine.loadState(decoded.state));
    }
    case 'moveStart':
      return writeNamed(engine, [
        ['x1_0', round(intent.point[0], 4)],
        ['x2_0', round(intent.point[1], 4)],
      ]);
    case 'setLrMomentum':
      return writeNamed(engine, [
        ['eta', round(intent.lr, 3)],
        ['gamma', round(intent.momentum, 3)],
      ]);
    case 'pickSweepConfig': {
      // Exact values: the cell then runs the very config the heatmap showed.
      const [lrName, momentumName] = sweepTargets(intent.sweep);
      return writeNamed(engine, [
        [lrName, intent.lr],
        [momentumName, intent.momentum],
      ]);
    }
    case 'cancelRuns':
    case 'evaluate':
      return cells(NOTHING);
  }
}

/** Write numbers into the cells bound to these names, as one undo step; all names must exist. */
function writeNamed(engine: SheetEngine, entries: ReadonlyArray<readonly [string, number]>): IntentOutcome {
  const names = engine.toNames();
  const missing = entries.find(([name]) => names[name] === undefined);
  if (missing !== undefined) return { ok: false, error: { key: 'intent.missingName', args: { name: missing[0] } } };
  return cells(engine.setCells(entries.map(([name, value]) => [names[name], String(value)] as const)));
}
