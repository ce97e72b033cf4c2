/**
 * The work budget of one recalculation (LIMITS.recalcWork units): the evaluator charges cells,
 * formula nodes and range cells as it goes, and the symbolic layer's metered work (parsing
 * objectives, derivatives, theory; see symbolicWork in src/core/mathParser.ts) is added to it.
 */
import { symbolicWork } from '../core/mathParser';
import { LIMITS } from './limits';

/** Work units per tree node the symbolic layer processes (such a node costs several range cells' worth). */
const SYMBOLIC_NODE_WORK = 8;

export class WorkBudget {
  private spent = 0;
  private symbolicSeen = symbolicWork.nodes;

  /** Start a recalculation with the whole budget. */
  reset(): void {
    this.spent = 0;
    this.symbolicSeen = symbolicWork.nodes;
  }

  /** Spend `units` (and the symbolic work done since the last call); false once the budget is spent. */
  charge(units: number): boolean {
    this.spent += units + (symbolicWork.nodes - this.symbolicSeen) * SYMBOLIC_NODE_WORK;
    this.symbolicSeen = symbolicWork.nodes;
    return this.spent <= LIMITS.recalcWork;
  }

  /** Spend the rest: nothing more is evaluated in this recalculation. */
  exhaust(): void {
    this.spent = LIMITS.recalcWork + 1;
  }

  get exhausted(): boolean {
    return this.spent > LIMITS.recalcWork;
  }
}
