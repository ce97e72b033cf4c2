import { render } from 'solid-js/web';
import { Grid } from '../src/components/grid/Grid';
import { FormulaBar } from '../src/components/FormulaBar';
import { locale, setLocale } from '../src/i18n/localeStore';
import { createFakeGridModel } from '../tests/unit/grid/fakeGridModel';

const cells: Record<string, string> = {
  A1: '=NOTE("gd.intro")', A3: 'eta', B3: '0.8999999999999999', A4: 'gamma', B4: '0.2',
  A6: 'run', B6: 'GD(f, B3)', C6: '#DIV/0!', D6: '<img src=x onerror=alert(1)>', B8: '12.5',
};
for (let r = 10; r <= 30; r++) cells[`C${r}`] = String((0.9 ** r).toFixed(6));
const fake = createFakeGridModel({
  rows: 100, cols: 12, cells, names: { B3: 'lr' },
  views: { B6: { kind: 'run', text: 'GD η=0.9', color: '#d62728' }, C10: { stale: true }, B4: { highlighted: true } },
});
(window as unknown as { fake: typeof fake }).fake = fake;
render(() => (
  <div>
    <button onClick={() => setLocale(locale() === 'en' ? 'zh' : 'en')}>lang</button>
    <FormulaBar model={fake.model} />
    <Grid model={fake.model} />
  </div>
), document.getElementById('root')!);
