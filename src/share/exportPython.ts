/**
 * A short, runnable NumPy script that repeats the sheet's regression runs with the same
 * hyperparameters and conventions as src/core (tests/reference/regressionReference.ts): batch
 * gradient sum divided by batch_size (also for a short last batch), compounding lr decay, loss
 * recorded before training and after every minibatch. Every value from the sheet enters the
 * script through pythonLiteral, so no label can break out of its string.
 */
import type { RegressionRequest } from '../core/runTypes';

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
    ['convention', pythonLiteral(config.convention)],
  ];
  return `    dict(${fields.map(([k, v]) => `${k}=${v}`).join(', ')}),`;
}

const HEADER = `"""Regression runs of a Momentum Playground sheet, reproduced with NumPy.

Minibatch SGD with momentum on the chapter's linear regression, with each run's own
hyperparameters. Run: python3 this_file.py  (add --plot for the loss curves; needs matplotlib).

NumPy's random generator differs from the playground's, so the data set, the initial weights and
the batch order differ: the losses match the app's up to randomness, not digit for digit.
"""
import sys

import numpy as np

RUNS = [`;

const BODY = `]

DIVERGENCE_BOUND = 1e12  # a loss above this (or not finite) counts as diverged, as in the app


def make_data(run):
    """X ~ N(0, 1) (n x 2); y = X.w + b + N(0, noise^2)."""
    rng = np.random.default_rng(run["data_seed"])
    X = rng.normal(0.0, 1.0, size=(run["n"], 2))
    noise = run["noise"] * rng.normal(0.0, 1.0, size=run["n"])
    return X, X @ np.asarray(run["true_w"], dtype=float) + run["true_b"] + noise


def mean_loss(X, y, w, b):
    r = X @ w + b - y
    return float(np.mean(0.5 * r * r))


def lr_for_epoch(run, epoch):
    """Like the chapter: lr is multiplied by decay_factor at the start of every epoch after
    decay_epoch, so the decay compounds."""
    lr = run["lr"]
    if run["decay_epoch"] is not None:
        for _ in range(run["decay_epoch"] + 1, epoch + 1):
            lr *= run["decay_factor"]
    return lr


def train(run):
    X, y = make_data(run)
    n, bs, m = run["n"], run["batch_size"], run["momentum"]
    rng = np.random.default_rng(run["train_seed"])
    w = rng.normal(0.0, run["init_scale"], size=2)
    b = 0.0
    vw, vb = np.zeros(2), 0.0
    losses = [mean_loss(X, y, w, b)]
    for epoch in range(1, run["epochs"] + 1):
        lr = lr_for_epoch(run, epoch)
        order = rng.permutation(n)
        for start in range(0, n, bs):
            idx = order[start:start + bs]
            r = X[idx] @ w + b - y[idx]
            # Gradient of the batch's SUM of r^2/2, divided by batch_size (even for a short last batch).
            gw, gb = X[idx].T @ r / bs, r.sum() / bs
            if run["convention"] == "mxnet":  # v <- m v + lr g; p <- p - v (the chapter, MXNet)
                vw, vb = m * vw + lr * gw, m * vb + lr * gb
                w, b = w - vw, b - vb
            else:  # a <- m a + g; p <- p - lr a (tf.train.momentum, PyTorch)
                vw, vb = m * vw + gw, m * vb + gb
                w, b = w - lr * vw, b - lr * vb
            losses.append(mean_loss(X, y, w, b))
    return np.array(losses), w, b


def main():
    results = []
    with np.errstate(over="ignore", invalid="ignore"):
        for run in RUNS:
            losses, w, b = train(run)
            bad = np.flatnonzero(~(losses <= DIVERGENCE_BOUND))
            end = "diverged at step %d" % bad[0] if bad.size else "final loss %.6g" % losses[-1]
            print("%s: %s, w = [%.6f, %.6f], b = %.6f" % (run["label"], end, w[0], w[1], b))
            results.append((run, losses))
    if "--plot" in sys.argv:
        import matplotlib.pyplot as plt
        for run, losses in results:
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
  return `${HEADER}\n${lines.join('\n')}\n${BODY}`;
}
