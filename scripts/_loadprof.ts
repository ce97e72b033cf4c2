import { startE2E } from '../tests/e2e/harness';
const e2e = await startE2E();
const { page } = await e2e.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(e2e.baseUrl);
await page.waitForSelector('[data-chart-id="loss"] [data-painted]', { timeout: 30000 });
const { profile } = (await cdp.send('Profiler.stop')) as any;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map<string, number>();
const self = new Map<string, number>();
profile.samples.forEach((id: number, i: number) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  const seen = new Set<string>();
  let cur: number | undefined = id;
  let first = true;
  while (cur !== undefined) {
    const n: any = byId.get(cur);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    if (first) { self.set(key, (self.get(key) ?? 0) + dt); first = false; }
    if (!seen.has(key)) { total.set(key, (total.get(key) ?? 0) + dt); seen.add(key); }
    cur = parent.get(cur);
  }
});
console.log('TOTAL'); console.log([...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
console.log('SELF'); console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
await e2e.close();
