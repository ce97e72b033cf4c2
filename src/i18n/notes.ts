/**
 * The texts behind =NOTE("key") cells of the default sheet and the presets, in English and
 * Chinese side by side, written in our own words. The keys are src/sheet/notes.ts's NOTE_KEYS;
 * the catalogue (messages.ts) folds these texts in by key.
 */

export interface NoteText {
  readonly en: string;
  readonly zh: string;
}

export const NOTES: Readonly<Record<string, NoteText>> = {
  'note.intro': {
    en: 'Momentum playground: every value below is a live cell. Edit an input and everything that depends on it updates.',
    zh: '动量法实验场：下面每个值都是可编辑的单元格。改动一个输入，依赖它的一切都会随之更新。',
  },
  'note.problem': {
    en: '1 · The problem — a long, narrow bowl: f curves 20 times more along x2 than along x1. Every run starts at (−5, −2) and takes 15 steps.',
    zh: '1 · 问题 — 一个狭长的碗：f 沿 x2 方向的弯曲程度是沿 x1 方向的 20 倍。每次运行都从 (−5, −2) 出发，走 15 步。',
  },
  'note.gradMode': {
    en: 'The chapter’s code uses the gradient (0.2·x1, 2·x2), but the true gradient of 2·x2² is 4·x2. “printed” reproduces the book’s figures (and fits only the chapter’s f); “corrected” uses the true gradient: the curvature along x2 doubles, and all four runs of the chapter diverge from their first step; GD then needs η < 0.5, and the corrected-problem preset uses the later edition’s η = 0.4 / 0.6.',
    zh: '书中代码使用的梯度是 (0.2·x1, 2·x2)，而 2·x2² 的真实梯度是 4·x2。“printed” 重现书中的图（只适用于书中的 f）；“corrected” 使用真实梯度：x2 方向的曲率加倍，书中的四个运行都从第一步起发散；此时梯度下降需要 η < 0.5，“修正后的问题”预设采用新版书中的 η = 0.4 / 0.6。',
  },
  'note.start': { en: 'start (x1, x2)', zh: '起点 (x1, x2)' },
  'note.steps': { en: 'steps', zh: '步数' },
  'note.gradSwitch': { en: 'gradient: printed / corrected', zh: '梯度：printed / corrected' },
  'note.gradUsed': { en: 'gradient used by the runs', zh: '运行所用的梯度' },
  'note.rate': { en: 'rate per step (theory)', zh: '每步收敛率（理论）' },
  'note.loss': { en: 'final loss', zh: '最终损失' },
  'note.eigenvalues': { en: 'curvatures the runs see', zh: '运行所见的曲率' },
  'note.trueEigenvalues': { en: 'true Hessian of f', zh: 'f 的真实 Hessian' },
  'note.gd': {
    en: '2 · Gradient descent — with η = 0.9 the path creeps along the flat x1 direction; with η = 1.1 it overshoots along the steep x2 direction and swings wider every step (with the printed gradient; see row 6).',
    zh: '2 · 梯度下降 — η = 0.9 时，路径沿平缓的 x1 方向缓慢前进；η = 1.1 时，它在陡峭的 x2 方向上越过谷底，摆动一步比一步大（在书中印出的梯度下；见第 6 行）。',
  },
  'note.momentum': {
    en: '3 · Momentum — the velocity v ← γ·v + η·∇f remembers earlier steps: the back-and-forth along x2 cancels out while the steady pull along x1 adds up, so even η = 1.1 now converges (with the printed gradient; see row 6).',
    zh: '3 · 动量法 — 速度 v ← γ·v + η·∇f 记住了之前的步子：沿 x2 的来回摆动相互抵消，沿 x1 的持续推动不断累积，因此 η = 1.1 现在也能收敛（在书中印出的梯度下；见第 6 行）。',
  },
  'note.theory': {
    en: 'On a quadratic the error shrinks by at most the rate each step (below 1: converges). Polyak’s η and γ make the slowest direction as fast as it can be.',
    zh: '在二次函数上，误差每步至少缩小为原来的“收敛率”倍（小于 1 即收敛）。Polyak 选出的 η 和 γ 让最慢的方向尽可能快。',
  },
  'note.directions': {
    en: 'per eigendirection 1, 2 of the Hessian the runs see: the error’s factor per step as measured on the run, then ρ from theory',
    zh: '沿运行所见 Hessian 的特征方向 1、2：误差每步缩小的倍数，先是运行中实测的，再是理论上的 ρ',
  },
  'note.gdCorrected': {
    en: '2 · Gradient descent with the true gradient — it needs η < 0.5 now: η = 0.4 converges (slowly along x1, rate 0.92), η = 0.6 overshoots along x2 and diverges (rate 1.4).',
    zh: '2 · 使用真实梯度的梯度下降 — 现在需要 η < 0.5：η = 0.4 收敛（沿 x1 较慢，收敛率 0.92），η = 0.6 在 x2 方向越过谷底并发散（收敛率 1.4）。',
  },
  'note.momentumCorrected': {
    en: '3 · Momentum with the true gradient — with γ = 0.5 even η = 0.6, where GD diverged, converges (rate 0.71 in both directions); with γ = 0.25 it converges more slowly (rate 0.86).',
    zh: '3 · 使用真实梯度的动量法 — γ = 0.5 时，连梯度下降会发散的 η = 0.6 也能收敛（两个方向的收敛率都是 0.71）；γ = 0.25 时收敛得更慢（收敛率 0.86）。',
  },
  'note.momentumPolyak': {
    en: '3 · Polyak’s optimum — momentum with Polyak’s η and γ contracts every direction at the best rate a heavy ball can reach; the same η without momentum diverges along x2; Nesterov’s look-ahead, with η = 1/L and γ = (√κ − 1)/(√κ + 1), converges too.',
    zh: '3 · Polyak 最优参数 — 使用 Polyak 的 η 和 γ，动量法让每个方向都以重球法所能达到的最快速度收缩；同样的 η 不加动量则沿 x2 发散；Nesterov 的前瞻法取 η = 1/L、γ = (√κ − 1)/(√κ + 1)，同样收敛。',
  },
  'note.ewma': {
    en: '4 · Exponentially weighted moving average — y_t = γ·y_{t−1} + (1−γ)·x_t gives x_{t−i} the weight (1−γ)·γ^i. As γ^(1/(1−γ)) ≈ e⁻¹ ≈ 0.368, y is roughly an average of the last 1/(1−γ) values.',
    zh: '4 · 指数加权移动平均 — y_t = γ·y_{t−1} + (1−γ)·x_t 给 x_{t−i} 的权重是 (1−γ)·γ^i。由于 γ^(1/(1−γ)) ≈ e⁻¹ ≈ 0.368，可以把 y 看作最近 1/(1−γ) 个值的平均。',
  },
  'note.ewmaMomentum': {
    en: 'Momentum is an EWMA of η·∇f/(1−γ): each step is about 1/(1−γ) times η·∇f (shown for the first momentum run).',
    zh: '动量法是对 η·∇f/(1−γ) 做指数加权移动平均：每一步大约是 η·∇f 的 1/(1−γ) 倍（这里以第一个动量法运行为例）。',
  },
  'note.regression': {
    en: '5 · Linear regression from scratch — 1000 examples, y = 2·x1 − 3.4·x2 + 4.2 + noise; minibatch SGD with momentum, batch 10, 3 epochs, lr × 0.1 after epoch 2. With mom = 0.99 the effective step is 100 × lr and the loss climbs back up; 0.9 and 0.5 settle.',
    zh: '5 · 从零实现线性回归 — 1000 个样本，y = 2·x1 − 3.4·x2 + 4.2 + 噪声；带动量的小批量 SGD，批量 10，3 个周期，第 2 个周期后 lr × 0.1。mom = 0.99 时等效步长是 lr 的 100 倍，损失后来又升高；0.9 和 0.5 则平稳下降。',
  },
  'note.framework': {
    en: '6 · The framework’s optimizer — the chapter uses Gluon’s Trainer(\'sgd\', momentum), whose update v ← m·v + lr·g; p ← p − v is exactly the one written from scratch above, so its runs are the same runs. tf.train.momentum and PyTorch keep the learning rate outside the velocity: a ← m·a + g; p ← p − lr·a.',
    zh: '6 · 框架自带的优化器 — 本章使用 Gluon 的 Trainer(\'sgd\', momentum)，其更新 v ← m·v + lr·g；p ← p − v 与上面从零实现的完全相同，所以它的运行就是同样的运行。tf.train.momentum 和 PyTorch 把学习率放在速度之外：a ← m·a + g；p ← p − lr·a。',
  },
  'note.gluon': { en: 'Gluon (lr inside v)', zh: 'Gluon（lr 在 v 之内）' },
  'note.pytorch': { en: 'PyTorch / TF (lr outside)', zh: 'PyTorch / TF（lr 在外）' },
  'note.conventions': {
    en: 'Through epoch 2 both rules take the same steps; when lr drops tenfold at epoch 3, Gluon’s velocity still carries the steps taken at the old lr and fades out over about 1/(1 − m) steps, while PyTorch’s velocity is a sum of raw gradients, so every step, old momentum included, shrinks tenfold at once.',
    zh: '前两个周期两种写法的每一步完全相同；第 3 个周期 lr 降为十分之一时，Gluon 的速度仍带着旧 lr 下的步子，约经 1/(1 − m) 步才逐渐消退，而 PyTorch 的速度是原始梯度之和，因此每一步（包括旧的动量）立刻缩小为十分之一。',
  },
  'note.exercises': {
    en: '7 · Exercises — try your own combinations of learning rate and momentum. Which momentum turns the optimizer back into plain minibatch SGD?',
    zh: '7 · 练习 — 自己尝试学习率和动量的其他组合。动量取何值时，优化器退化为普通的小批量 SGD？',
  },
  'note.sgd': { en: 'plain minibatch SGD: p ← p − lr·g, no velocity', zh: '普通的小批量 SGD：p ← p − lr·g，没有速度' },
  'note.sgdSame': {
    en: 'Exercise 2: the largest difference between the two loss curves. 0 means momentum 0 is plain minibatch SGD, step for step.',
    zh: '练习 2：两条损失曲线之间的最大差值。为 0 说明动量取 0 时，优化器每一步都与普通的小批量 SGD 相同。',
  },
  'note.sweep': {
    en: 'The same η with growing momentum γ: watch the final f and the theoretical rate.',
    zh: '相同的 η，逐渐增大动量 γ：观察最终的 f 和理论收敛率。',
  },
};
