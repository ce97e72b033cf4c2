import { startE2E } from '../tests/e2e/harness';
const e2e = await startE2E();
for (let k = 0; k < 3; k++) {
  const { page, context } = await e2e.newPage();
  await page.goto(e2e.baseUrl);
  const t = (await page.evaluate(`new Promise((resolve) => {
    const seen = {};
    const tick = () => {
      const now = performance.now();
      if (!seen.grid && document.querySelector('[role=gridcell]')) seen.grid = now;
      if (!seen.settledCells && document.querySelector('[role=gridcell]') && !document.querySelector('[aria-busy=true]')) seen.settledCells = now;
      for (const card of document.querySelectorAll('[data-chart-id]')) {
        const id = card.getAttribute('data-chart-id');
        if (!seen['painted:' + id] && card.querySelector('[data-painted]')) seen['painted:' + id] = now;
        if (!seen['canvas:' + id] && card.querySelector('canvas')) seen['canvas:' + id] = now;
      }
      if (Object.keys(seen).filter((k) => k.startsWith('painted:')).length === 4) resolve(seen); else requestAnimationFrame(tick);
    };
    tick();
  })`)) as Record<string, number>;
  const nav = (await page.evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0]; return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()`)) as object;
  console.log(JSON.stringify({ ...nav, ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])) }));
  const res = (await page.evaluate(`performance.getEntriesByType('resource').map((r) => r.name.split('/').pop() + ' ' + Math.round(r.startTime) + '→' + Math.round(r.responseEnd))`)) as string[];
  if (k === 0) console.log(res.join('\n'));
  await context.close();
}
await e2e.close();
