/**
 * English UI labels. This table defines the set of UI message keys: `ui.zh.ts` must translate
 * every one of them (the compiler checks it through `UiCatalogue`). Placeholders are `{name}`.
 */
export const uiEn = {
  'app.title': 'Momentum Playground',
  'app.subtitle': 'Gradient descent with momentum, one cell at a time',

  // Toolbar
  'toolbar.label': 'Toolbar',
  'toolbar.presets': 'Presets',
  'toolbar.presetsHint': 'Replace the sheet with a ready-made one',
  'toolbar.language': 'Language',
  'toolbar.copyLink': 'Copy link',
  'toolbar.linkCopied': 'Link copied to the clipboard',
  'toolbar.copyLinkFailed': "Couldn't copy the link; copy it from the address bar instead.",
  'toolbar.linkTooLong': 'Too large for a link ({length} characters); export a sheet file instead.',
  'toolbar.export': 'Export',
  'toolbar.exportSheet': 'Sheet file (.json)',
  'toolbar.exportCsv': 'Values as CSV',
  'toolbar.exportChart': 'Chart as PNG',
  'toolbar.open': 'Open sheet file…',
  'toolbar.pin': 'Pin run',
  'toolbar.pinHint': 'Keep this run on the charts to compare it with later edits',
  'toolbar.unpin': 'Unpin {label}',
  'toolbar.pins': 'Pinned runs',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',

  // Presets
  'preset.chapter': 'Chapter as printed (gradient 0.2·x1, 2·x2)',
  'preset.corrected': 'Corrected gradient (0.2·x1, 4·x2)',
  'preset.ewma': 'Exponentially weighted moving average',
  'preset.regression': 'Linear regression with momentum',
  'preset.rateMap': 'Convergence rate map',
  'preset.polyak': 'Polyak’s optimal η and γ',
  'preset.sweep': 'Momentum sweep (same η, growing γ)',
  'preset.blank': 'Blank sheet',
  'preset.replaceConfirm': 'Replace the current sheet with “{preset}”? You can undo this.',

  // Languages are named in their own language so that a reader can always find theirs.
  'language.en': 'English',
  'language.zh': '中文',

  // Row, column and cell actions (context menu and toolbar)
  'action.insertRowAbove': 'Insert row above',
  'action.insertRowBelow': 'Insert row below',
  'action.deleteRow': 'Delete row',
  'action.insertColLeft': 'Insert column left',
  'action.insertColRight': 'Insert column right',
  'action.deleteCol': 'Delete column',
  'action.nameCell': 'Name cell…',
  'action.clear': 'Clear',

  // Grid
  'grid.label': 'Sheet',
  'grid.help':
    'Arrow keys move, Shift+arrows select, Enter or F2 edits, Delete clears, Alt+Up/Down nudges a number, Shift+F10 opens the menu.',
  'grid.cellLabel': '{address}, {text}',
  'grid.cellLabelNamed': '{address} {name}, {text}',
  'grid.cellEmpty': 'empty',
  'grid.cellPending': '{text}, updating',
  'grid.editorLabel': 'Edit {address}',
  'grid.rangeSelected': '{range} selected',
  'grid.corner': 'Select all',
  'grid.menuLabel': 'Actions for {target}',
  'grid.resizeColumn': 'Resize column {column}',
  'grid.nameDialog': 'Name {address}',

  // Formula bar
  'formulaBar.label': 'Formula bar',
  'formulaBar.activeCell': 'Active cell',
  'formulaBar.nameBox': 'Name of {address}',
  'formulaBar.namePlaceholder': 'name',
  'formulaBar.nameHint': 'Enter a name such as lr, or leave empty to remove the name',

  // Status line
  'status.label': 'Status',
  'status.ready': 'Ready',
  'status.computing': 'Computing… ({count} left)',
  'status.updated': 'Updated in {ms} ms',
  'status.selection': '{range}: count {count}, sum {sum}, mean {mean}',
  'status.engine': 'Engine: {engine}',
  'status.saved': 'Saved in this browser',
  'status.saveFailed': "Couldn't save in this browser (storage is full or blocked)",
  'status.failed': 'A computation failed: {message}',
  'status.cancel': 'Cancel',

  // Banners
  'banner.dismiss': 'Dismiss',
  'banner.erratum':
    "Erratum: the chapter's code writes the gradient of 2·x2² as 2·x2, but it is 4·x2. This sheet reproduces the book as printed; type “corrected” in cell B6 (grad_mode) to run the true gradient, and every run shows what changes.",
  'banner.erratumLabel': 'About the chapter’s gradient',
  'banner.erratumHide': 'Hide this note',
  'banner.gradientMismatch':
    'The gradient typed in {cell} is not the gradient of the objective (that would be {derived}).',
  'run.gradientMismatch': 'The gradient this run uses is not the gradient of the objective, which is {derived}.',
  'banner.sharedLink':
    'This sheet came from a shared link. Your edits stay on this device until you copy a new link.',
  'banner.linkInvalid': "The sheet in this link couldn't be read ({reason}); the default sheet is shown instead.",
  'banner.linkInvalidKept': "The sheet in this link couldn't be read ({reason}); your own sheet is still here.",
  'banner.linkReplacedLocal': 'You opened a shared sheet. Your previous sheet was kept and can be restored.',
  'banner.restorePrevious': 'Restore previous sheet',
  'banner.restored': 'Your previous sheet is back.',
  'banner.savedUnreadable': "Your saved sheet couldn't be read, so the default sheet was opened.",
  'banner.tooLongForLink': 'This sheet is too large for a link ({length} characters). Export a sheet file to share it.',
  'banner.linkMigrated': 'This link was made by an older version and has been upgraded.',
  'banner.workerFailed': 'The compute engine stopped ({message}). Reload the page to restart it.',
  'banner.diverged': 'The run in {cell} diverged at step {step}.',

  // Run and method names
  'method.gd': 'Gradient descent',
  'method.momentum': 'Momentum',
  'method.nesterov': 'Nesterov momentum',
  'run.path2d': '{method}, η = {eta}, γ = {gamma}',
  'run.regression': 'Momentum {momentum}, lr {lr}',
  'run.path2dTitle': '{method}: η = {eta}, γ = {gamma}, {steps} steps from ({x1}, {x2})',
  'run.regressionTitle': 'Minibatch SGD: lr {lr}, momentum {mom} ({convention}), {epochs} epochs, batch size {batch}',
  'run.pending': 'Computing; the previous result is shown meanwhile.',
  'format.path2dRun': '{method} · {steps} steps · f = {f}',
  'format.regressionRun': 'regression{convention} · mom {momentum} · loss = {loss}',
  'format.path2dRunDiverged': '{method} · {steps} steps · diverges from step {step}',
  'format.regressionRunDiverged': 'regression{convention} · mom {momentum} · diverges from step {step}',
  'format.sgdRun': 'SGD · loss = {loss}',
  'format.sgdRunDiverged': 'SGD · diverges from step {step}',
  'choice.printed': 'printed (the chapter’s gradient)',
  'choice.corrected': 'corrected (the true gradient)',

  // Charts
  'chart.empty': 'Bind this chart to cells holding runs to see them here.',
  'chart.computing': 'Computing…',
  'chart.pinned': '{label} (pinned)',
  'chart.trajectories.title': 'Iterates over the contour lines of f',
  'chart.trajectories.x': 'x1',
  'chart.trajectories.y': 'x2',
  'chart.trajectories.step': 'Step η·∇f',
  'chart.trajectories.velocity': 'Velocity v',
  'chart.ewma.title': 'Weights of the moving average, (1 − γ)·γ^i',
  'chart.ewma.x': 'Steps back, i',
  'chart.ewma.y': 'Weight',
  'chart.ewma.window': 'About 1/(1 − γ) = {window} recent values',
  'chart.loss.title': 'Training loss',
  'chart.loss.x': 'Epoch',
  'chart.loss.y': 'Loss (log scale)',
  'chart.rateMap.title': 'Convergence rate of the heavy ball',
  'chart.rateMap.x': 'Learning rate η',
  'chart.rateMap.y': 'Momentum γ',
  'chart.rateMap.value': 'Spectral radius (below 1 converges)',
  'chart.objective.title': 'f along the run',
  'chart.objective.x': 'Iteration',
  'chart.objective.y': 'f(x)',
  'charts.label': 'Charts',
  'compare.title': 'Compare {a} and {b}',
  'compare.same': 'The two runs have the same inputs.',
  'compare.input': 'Input',
  'toolbar.exportCsvPaths': 'Trajectories as CSV',
  'toolbar.exportCsvLoss': 'Losses as CSV',
  'toolbar.exportPython': 'NumPy script of the regression runs',
  'chart.trajectories.start': 'start (drag me)',
  'chart.trajectories.diverges': 'diverges',
  'chart.trajectories.special': 'η·∇f/(1−γ)',
  'chart.trajectories.arrows': 'Arrows',
  'chart.trajectories.note': 'Arrows show the gradient step η·∇f, the velocity v and the “special gradient” η·∇f/(1−γ): along x1 the steps add up, along x2 they cancel. Drag the start point to move the start cells.',
  'chart.exportPng': 'Save “{title}” as PNG',
  'chart.exportSvg': 'Save “{title}” as SVG',
  'chart.rateMap.diverging': '≥ 1 diverges',
  'chart.rateMap.current': 'current η, γ',
  'chart.rateMap.optimum': 'Polyak optimum',
  'chart.rateMap.note': 'Exact spectral radius of the heavy-ball iteration for the Hessian eigenvalues of the gradient in use. Click to set the cells named eta and gamma.',
  'chart.loss.batch': 'batch',
  'chart.loss.overlay': 'Overlay',
  'chart.loss.columns': 'Small multiples',
} as const satisfies Readonly<Record<string, string>>;

export type UiMessageKey = keyof typeof uiEn;

/** A translation of every UI key. */
export type UiCatalogue = { readonly [K in UiMessageKey]: string };
