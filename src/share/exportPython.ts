/**
 * A runnable NumPy script that reproduces the sheet's regression runs: not "up to randomness"
 * but the app's own numbers. The script re-implements the app's random streams exactly (the
 * seed hash of src/core/syntheticData.ts, d3-random's LCG and Marsaglia polar method, d3-array's
 * Fisher–Yates shuffle), so it rebuilds the same data set, initial weights and batch order (the
 * batch order exactly; a few numbers may differ in their last bit, where Python's log and
 * JavaScript's round differently), and trains in float64 in the operation order of
 * tests/reference/regressionReference.ts. Every
 * value from the sheet enters the script through pythonLiteral, so no label can break out of its
 * string.
 */
import type { RegressionRequest } from '../core/runTypes';
import { PYTHON_RANDOM } from './pythonRandom';

export interface LabelledRegressionRequest {
  readonly label: string;
  readonly request: RegressionRequest;
}

/** A Python literal for a value: `pythonLiteral('a"b')` → `"a\"b"`, `pythonLiteral(null)` → `None`. */
export function pythonLiteral(value: string | number | null): string {
  if (value === null) return 'None';
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? 'float("nan")' : `float("${value > 0 ? 'inf' : '-inf'}")`;
  }
  // JSON string escapes are valid Python escapes; non-ASCII is escaped too, so the script is
  // pure ASCII and no line or paragraph separator can end a line inside the literal.
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function runLiteral(label: string, request: RegressionRequest, configIndex: number): string {
  const config = request.configs[configIndex];
  const { data } = request;
  // A run on the sheet's own data would need the data in the script; it is named, not dropped.
  if (data.kind === 'table') return `    # ${pythonLiteral(label)} trains on a data range of the sheet, which this script does not carry`;
  const fields: [string, string][] = [
    ['label', pythonLiteral(request.configs.length === 1 ? label : `${label} [${configIndex + 1}]`)],
    ['n', pythonLiteral(data.n)],
    ['true_w', `(${pythonLiteral(data.trueW[0])}, ${pythonLiteral(data.trueW[1])})`],
    ['true_b', pythonLiteral(data.trueB)],
    ['noise', pythonLiteral(data.noise)],
    ['data_seed', pythonLiteral(data.seed)],
    ['batch_size', pythonLiteral(request.batchSize)],
    ['epochs', pythonLiteral(request.epochs)],
    ['decay_epoch', pythonLiteral(request.decayEpoch)],
    ['decay_factor', pythonLiteral(request.decayFactor)],
    ['train_seed', pythonLiteral(request.trainSeed)],
    ['init_scale', pythonLiteral(request.initScale)],
    ['lr', pythonLiteral(config.lr)],
    ['momentum', pythonLiteral(config.momentum)],
    ['rule', pythonLiteral(config.optimizer === 'sgd' ? 'sgd' : config.convention)],
  ];
  return `    dict(${fields.map(([k, v]) => `${k}=${v}`).join(', ')}),`;
}

const HEADER = `"""Regression runs of a Momentum Playground sheet, reproduced with NumPy.

Minibatch SGD (with momentum, or plain) on the chapter's linear regression, each run with its
own hyperparameters. The data set, the initial weights and the batch order are rebuilt from the
sheet's seeds with the playground's own random generators, and training runs in float64, so the
losses and parameters printed are the playground's (to about 1e-12 of its float64 reference; its
tfjs engine computes in float32 and agrees to about 1e-5).

Run: python3 this_file.py   (--json for every loss as JSON, --plot for the curves; needs matplotlib)
"""
import json
import math
import struct
import sys

import numpy as np

RUNS = [`;

const TRAINING = `
DIVERGENCE_BOUND = 1e12  # beyond this (or not finite) a loss is past any doubt; later ones are blanked
ESCAPE_FACTOR = 1e3  # a run that ends this many times above its first loss has diverged


def make_data(run):
    """X ~ N(0, 1) (n x 2), all features first; then y = X.w + b + noise * N(0, 1), example by example."""
    normal = Normal(seeded_uniform(run["data_seed"]), 0.0, 1.0)
    n = run["n"]
    X = np.array([normal() for _ in range(2 * n)]).reshape(n, 2)
    w1, w2 = run["true_w"]
    y = np.array([X[i, 0] * w1 + X[i, 1] * w2 + run["true_b"] + run["noise"] * normal() for i in range(n)])
    return X, y


def make_plan(run):
    """Initial [w1, w2] ~ N(0, init_scale^2), b = 0, then one shuffle of 0..n-1 per epoch, one stream."""
    uniform = seeded_uniform(run["train_seed"])
    normal = Normal(uniform, 0.0, run["init_scale"])
    params = [normal(), normal(), 0.0]
    orders = []
    for _ in range(run["epochs"]):
        order = list(range(run["n"]))
        shuffle(order, uniform)
        orders.append(order)
    return params, orders


def mean_loss(X, y, w1, w2, b):
    r = X[:, 0] * w1 + X[:, 1] * w2 + b - y
    return float(np.sum(0.5 * r * r) / len(y))


def lr_for_epoch(run, epoch):
    """As the chapter: lr *= decay_factor at the start of every epoch after decay_epoch (compounding);
    decay_epoch None or 0 means no decay (the chapter tests \`if decay_epoch\`)."""
    lr = run["lr"]
    if run["decay_epoch"]:
        for _ in range(run["decay_epoch"] + 1, epoch + 1):
            lr *= run["decay_factor"]
    return lr


def train(run):
    X, y = make_data(run)
    params, orders = make_plan(run)
    n, bs, m = run["n"], run["batch_size"], run["momentum"]
    velocity = [0.0, 0.0, 0.0]
    xs, ys = X.tolist(), y.tolist()
    losses = [mean_loss(X, y, *params)]
    for epoch in range(1, run["epochs"] + 1):
        lr = lr_for_epoch(run, epoch)
        order = orders[epoch - 1]
        for start in range(0, n, bs):
            # Gradient of the batch's SUM of r^2/2 (divided by batch_size below, even for a short last batch).
            g = [0.0, 0.0, 0.0]
            for i in order[start:start + bs]:
                x1, x2 = xs[i]
                r = x1 * params[0] + x2 * params[1] + params[2] - ys[i]
                g[0] += r * x1
                g[1] += r * x2
                g[2] += r
            for j in range(3):
                if run["rule"] == "sgd":  # p <- p - lr g (plain minibatch SGD: no velocity)
                    params[j] -= (lr * g[j]) / bs
                elif run["rule"] == "mxnet":  # v <- m v + lr g; p <- p - v (the chapter, Gluon)
                    velocity[j] = m * velocity[j] + (lr * g[j]) / bs
                    params[j] -= velocity[j]
                else:  # a <- m a + g; p <- p - lr a (tf.train.momentum, PyTorch)
                    velocity[j] = m * velocity[j] + g[j] / bs
                    params[j] -= lr * velocity[j]
            losses.append(mean_loss(X, y, *params))
    return np.array(losses), params


def diverged_at(losses):
    """The playground's rule: the step from which the loss stays above its start, if the run ends
    ESCAPE_FACTOR times above it or leaves DIVERGENCE_BOUND; None otherwise."""
    bad = np.flatnonzero(~(losses <= DIVERGENCE_BOUND))
    end = int(bad[0]) if bad.size else len(losses) - 1
    if not bad.size and not losses[end] > ESCAPE_FACTOR * losses[0]:
        return None
    last = max([s for s in range(end + 1) if losses[s] <= losses[0]])
    return min(last + 1, end)


def finite_or_text(value):
    return value if math.isfinite(value) else str(value)


def main():
    results = []
    with np.errstate(over="ignore", invalid="ignore"):
        for run in RUNS:
            losses, params = train(run)
            step = diverged_at(losses)
            bad = np.flatnonzero(~(losses <= DIVERGENCE_BOUND))
            if bad.size:
                losses[bad[0] + 1:] = np.nan  # as the playground: past the bound the numbers mean nothing
            results.append((run, losses, params, step))
    if "--json" in sys.argv:
        print(json.dumps([
            {"label": run["label"], "losses": [finite_or_text(v) for v in losses.tolist()],
             "w": [finite_or_text(params[0]), finite_or_text(params[1])], "b": finite_or_text(params[2]), "diverged_at": step}
            for run, losses, params, step in results
        ]))
    else:
        for run, losses, params, step in results:
            end = "diverges from step %d" % step if step is not None else "final loss %.6g" % losses[-1]
            print("%s: %s, w = [%.6f, %.6f], b = %.6f" % (run["label"], end, params[0], params[1], params[2]))
    if "--plot" in sys.argv:
        import matplotlib.pyplot as plt
        for run, losses, _, _ in results:
            steps_per_epoch = -(-run["n"] // run["batch_size"])
            plt.semilogy(np.arange(len(losses)) / steps_per_epoch, losses, label=run["label"])
        plt.xlabel("epoch")
        plt.ylabel("loss")
        plt.legend()
        plt.show()


if __name__ == "__main__":
    main()
`;

/**
 * The script for these runs (a request with several configs becomes several runs).
 * `regressionRunsToPython([{ label: 'mom 0.5', request }])` → a script with `lr=0.2, momentum=0.5, …`.
 */
export function regressionRunsToPython(runs: readonly LabelledRegressionRequest[]): string {
  const lines = runs.flatMap(({ label, request }) => request.configs.map((_, i) => runLiteral(label, request, i)));
  return `${HEADER}\n${lines.join('\n')}\n]\n\n${PYTHON_RANDOM}${TRAINING}`;
}
