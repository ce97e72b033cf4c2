/**
 * A runnable NumPy script that reproduces the sheet's 2-D runs (GD, the chapter's heavy ball,
 * Nesterov): the objective and the gradient each run followed (the hand-typed one, such as the
 * chapter's printed (0.2·x1, 2·x2), or the one the app derives symbolically) are printed from
 * their formula trees as NumPy expressions, and the iteration is written in src/core/optimize2d.ts's
 * float64 operation order, stopping at the same hard bound. The iterates therefore agree with the
 * app's to the last bit when the gradient needs only + − × ÷ (the chapter's runs), and to rounding
 * where a power or another function is involved (NumPy's libm and JavaScript's may differ by an ulp).
 */
import { parseMath } from '../core/mathParser';
import { prepareObjective } from '../core/objective';
import { STOP_FACTOR } from '../core/optimize2d';
import type { Path2DRequest } from '../core/runTypes';
import { pythonLiteral } from '../share/exportPython';
import { pythonFormula } from '../share/pythonFormula';

export interface LabelledPathRequest {
  readonly label: string;
  readonly request: Path2DRequest;
}

export type PathScript =
  | { readonly ok: true; readonly text: string }
  /** reason is a catalogue key (src/share/shareMessages.ts); label names the run, subject what could not be written. */
  | { readonly ok: false; readonly reason: 'share.export.notExportable'; readonly label: string; readonly subject: string };

const HEADER = `"""2-D runs of a Momentum Playground sheet, reproduced with NumPy.

Gradient descent, momentum (the chapter's heavy ball: v <- gamma v + eta g; x <- x - v, v0 = 0)
and Nesterov's look-ahead, each with the objective and the gradient the run followed in the
playground, in the playground's float64 operation order: the trajectories are the playground's.

Run: python3 this_file.py   (--json for every iterate as JSON, --plot for the paths; needs matplotlib)
"""
import json
import sys

import numpy as np

F = np.float64
STOP_FACTOR = ${pythonLiteral(STOP_FACTOR)}  # a run stops once |f| exceeds this times max(1, |f(x0)|), as in the playground
`;

const BODY = `

def descend(run):
    """x_0 ... x_T and f along them; the run stops early where f leaves the bound or overflows."""
    f, grad, eta, gamma, method = run["f"], run["grad"], run["eta"], run["gamma"], run["method"]
    x1, x2 = F(run["start"][0]) + F(0), F(run["start"][1]) + F(0)
    f0 = f(x1, x2)
    bound = STOP_FACTOR * max(F(1), abs(f0))
    xs1, xs2, fs = [x1], [x2], [f0]
    v1, v2 = F(0), F(0)
    for _ in range(run["steps"]):
        if method == "gd":
            g1, g2 = grad(x1, x2)
            v1, v2 = eta * g1, eta * g2
        else:
            # Nesterov takes the gradient at the look-ahead point x - gamma v; the heavy ball at x.
            y1, y2 = (x1 - gamma * v1, x2 - gamma * v2) if method == "nesterov" else (x1, x2)
            g1, g2 = grad(y1, y2)
            v1 = gamma * v1 + eta * g1
            v2 = gamma * v2 + eta * g2
        x1, x2 = x1 - v1, x2 - v2
        fx = f(x1, x2)
        xs1.append(x1)
        xs2.append(x2)
        fs.append(fx)
        if not (np.isfinite(x1) and np.isfinite(x2) and np.isfinite(fx)) or abs(fx) > bound:
            break
    return xs1, xs2, fs


def as_json(values):
    return [float(v) if np.isfinite(v) else str(float(v)) for v in values]


def main():
    with np.errstate(all="ignore"):
        results = [(run, descend(run)) for run in RUNS]
    if "--json" in sys.argv:
        print(json.dumps([{"label": run["label"], "x1": as_json(x1), "x2": as_json(x2), "f": as_json(fs)} for run, (x1, x2, fs) in results]))
    else:
        for run, (x1, x2, fs) in results:
            stopped = "" if len(fs) == run["steps"] + 1 else " (stopped: f left the bound)"
            print("%s: %d steps, x = (%.6g, %.6g), f = %.6g%s" % (run["label"], len(fs) - 1, x1[-1], x2[-1], fs[-1], stopped))
    if "--plot" in sys.argv:
        import matplotlib.pyplot as plt
        for run, (x1, x2, _) in results:
            plt.plot(x1, x2, "-o", markersize=3, label=run["label"])
        plt.xlabel("x1")
        plt.ylabel("x2")
        plt.legend()
        plt.show()


if __name__ == "__main__":
    main()
`;

/** The run's objective and gradient as Python functions named by `index`, or what could not be written. */
function functionsOf(index: number, request: Path2DRequest): string | { readonly subject: string } {
  const objective = parseMath(request.objective);
  if (!objective.ok) return { subject: objective.message };
  const prepared = prepareObjective(request.objective, request.gradient);
  if (!prepared.ok) return { subject: prepared.subject };
  const f = pythonFormula(objective.node);
  const g1 = pythonFormula(prepared.gradNodes[0]);
  const g2 = pythonFormula(prepared.gradNodes[1]);
  if (!f.ok) return { subject: f.subject };
  if (!g1.ok) return { subject: g1.subject };
  if (!g2.ok) return { subject: g2.subject };
  return [
    `def f_${index}(x1, x2):`,
    `    return ${f.code}`,
    '',
    '',
    `def grad_${index}(x1, x2):  # ${request.gradient === null ? 'derived from f' : 'typed in the sheet'}`,
    `    return (${g1.code}, ${g2.code})`,
  ].join('\n');
}

/**
 * The script for these runs, or why one of them cannot be written.
 * `pathRunsToPython([{ label: 'D16', request }])` → `{ ok: true, text: '"""2-D runs …' }`
 */
export function pathRunsToPython(runs: readonly LabelledPathRequest[]): PathScript {
  const functions: string[] = [];
  const entries: string[] = [];
  for (const [index, { label, request }] of runs.entries()) {
    const written = functionsOf(index, request);
    if (typeof written !== 'string') return { ok: false, reason: 'share.export.notExportable', label, subject: written.subject };
    functions.push(written);
    const fields: [string, string][] = [
      ['label', pythonLiteral(label)],
      ['method', pythonLiteral(request.method)],
      ['f', `f_${index}`],
      ['grad', `grad_${index}`],
      ['start', `(${pythonLiteral(request.start[0])}, ${pythonLiteral(request.start[1])})`],
      ['eta', pythonLiteral(request.eta)],
      ['gamma', pythonLiteral(request.method === 'gd' ? 0 : request.gamma)],
      ['steps', pythonLiteral(request.steps)],
    ];
    entries.push(`    dict(${fields.map(([k, v]) => `${k}=${v}`).join(', ')}),`);
  }
  const text = `${HEADER}\n\n${functions.join('\n\n\n')}\n\n\nRUNS = [\n${entries.join('\n')}\n]\n${BODY}`;
  return { ok: true, text };
}
