/**
 * The layering of ../shared/ARCHITECTURE.md, checked mechanically (`npm run lint:deps`, which
 * runs scripts/lint-deps.mjs: these rules plus the page-bundle check that depcruise cannot
 * express). One rule per row of the table ("may import") and per item of its "Never" line.
 *
 * "Ours" is everything under src/ and workers/. Where the table allows *types* only (share →
 * sheet and core types; charts → ECharts types; ui → the session contract's types), an import
 * that compilation erases (`import type`, or names used only as types) is allowed and anything
 * that survives compilation is not. Packages are checked
 * where the table names a framework (core and sheet know no framework; charts no Solid and no
 * ECharts runtime).
 */
const OURS = '^(src|workers)/';
const UI = '^src/(ui/|main\\.tsx$)';
const FRAMEWORKS = 'node_modules/(solid-js|echarts|zrender|comlink|@tensorflow)/';

/** The session contract, and the type modules it is written in (types only, for its speakers). */
const CONTRACT = '^src/session/contract\\.ts$';
const VOCABULARY = ['^src/sheet/types\\.ts$', '^src/core/runTypes\\.ts$'];
/**
 * A1 addressing ("B3", "A1:B2"): pure string arithmetic with no engine behind it, shared by the
 * grid, the link schema and the engine. Allowed at run time where the table says "sheet types".
 */
const A1 = '^src/sheet/address\\.ts$';

/** A rule that forbids `from` importing any of our modules outside `may` (regular expressions). */
function onlyOurs(name, from, may, comment) {
  return { name, severity: 'error', comment, from: { path: from }, to: { path: OURS, pathNot: may } };
}

/** A rule that forbids `from` importing the packages matched by `packages`. */
function noPackages(name, from, packages, comment) {
  return { name, severity: 'error', comment, from: { path: from }, to: { path: packages } };
}

/** A rule that lets `from` name the types of `to` but not import anything that survives compilation. */
function typesOnly(name, from, to, comment) {
  return { name, severity: 'error', comment, from: { path: from }, to: { path: to, preCompilationOnly: false } };
}

module.exports = {
  forbidden: [
    onlyOurs('core-imports-nothing-of-ours', '^src/core/', ['^src/core/'],
      'core is pure float64 math and imports nothing of ours (ARCHITECTURE: core | nothing of ours).'),
    noPackages('core-knows-no-framework', '^src/core/', FRAMEWORKS,
      'core runs unchanged in Node, the worker and the CLI: no Solid, ECharts, Comlink or tfjs.'),
    onlyOurs('sheet-imports-only-core', '^src/sheet/', ['^src/sheet/', '^src/core/'],
      'The sheet engine may import core only (ARCHITECTURE: sheet | core; Never: sheet → ui, share, i18n).'),
    noPackages('sheet-knows-no-framework', '^src/sheet/', FRAMEWORKS,
      'The engine is framework-free: Solid, ECharts, Comlink and tfjs stay outside it.'),
    onlyOurs('session-imports-sheet-core-compute-share', '^src/session/', ['^src/session/', '^src/sheet/', '^src/core/', '^src/compute/', '^src/share/'],
      'A session is engine + planning + compute (ARCHITECTURE: session | sheet, core, compute). It also decodes untrusted links and files and writes exports with share, so that hostile input is parsed off the page\'s thread and the page carries no codec.'),
    onlyOurs('compute-imports-only-core', '^src/compute/', ['^src/compute/', '^src/core/'],
      'compute is the tfjs-wasm engine (ARCHITECTURE: compute | core; Never: compute → ui).'),
    onlyOurs('worker-imports-only-session', '^workers/(?!session\\.worker\\.ts$)', ['^workers/', '^src/session/', ...VOCABULARY],
      'A worker is a Comlink endpoint around the session (ARCHITECTURE: worker | session).'),
    onlyOurs('worker-entry-wires-session-and-compute', '^workers/session\\.worker\\.ts$', ['^workers/', '^src/session/', '^src/compute/'],
      'The worker entry is a composition root: it gives the session its compute service (with the browser\'s wasm backend) and nothing else.'),
    typesOnly('worker-imports-sheet-and-core-types-only', '^workers/', VOCABULARY,
      'Besides the session, a worker may name the types of sheet and core, not run their code.'),
    onlyOurs('cli-imports-session-share-i18n', '^src/cli/', ['^src/cli/', '^src/session/', '^src/share/', '^src/i18n/', A1, ...VOCABULARY],
      'The CLI runs the session in-process and prints through share and i18n (ARCHITECTURE: cli | session, share; i18n for its messages).'),
    typesOnly('cli-imports-sheet-and-core-types-only', '^src/cli/', VOCABULARY,
      'Besides the session, the CLI may name the types of sheet and core, not run their code.'),
    onlyOurs('share-imports-only-sheet-and-core', '^src/share/', ['^src/share/', '^src/sheet/', '^src/core/'],
      'share may import sheet and core types only (ARCHITECTURE: share | sheet types, core types; Never: share ↔ i18n).'),
    typesOnly('share-imports-sheet-and-core-types-only', '^src/share/', ['^src/sheet/(?!(address|chapterVocabulary)\\.ts$)', '^src/core/'],
      'share may name the types of sheet and core, not run their code.'),
    onlyOurs('charts-imports-only-core', '^src/charts/', ['^src/charts/', '^src/core/'],
      'Charts are pure option builders (ARCHITECTURE: charts | core; Never: charts → ui).'),
    noPackages('charts-knows-no-solid', '^src/charts/', 'node_modules/solid-js/',
      'Charts are pure functions of a view model (Never: charts → Solid).'),
    typesOnly('charts-imports-echarts-types-only', '^src/charts/', ['node_modules/(echarts|zrender)/'],
      'Charts build EChartsOption objects: ECharts types yes, the ECharts runtime no (ui/echarts owns it).'),
    onlyOurs('i18n-imports-nothing-of-ours', '^src/i18n/', ['^src/i18n/'],
      'i18n owns every sentence; engines emit keys only (ARCHITECTURE: i18n | nothing of ours).'),
    onlyOurs('ui-imports-charts-share-i18n-session-contract', UI, [UI, '^src/charts/', '^src/share/', '^src/i18n/', CONTRACT, A1, ...VOCABULARY],
      'The page may import charts, share, i18n and the session contract (ARCHITECTURE: ui | charts, share, i18n, session contract (types)).'),
    typesOnly('ui-holds-no-engine', UI, [CONTRACT, ...VOCABULARY],
      'The page holds no engine and no mathjs (Never: ui → sheet engine): it names the session contract\'s types only.'),
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Imports run one way: a cycle ties parts (or modules) together so neither can change alone.',
      from: { path: OURS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // 'specify' keeps imports that compilation erases (`import type`, names used only as types)
    // and marks them preCompilationOnly, so that the rules above can allow types and forbid code.
    tsPreCompilationDeps: 'specify',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'browser', 'default'], mainFields: ['module', 'main'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
