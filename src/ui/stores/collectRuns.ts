/** Every run cell of the sheet, for exports (CSV, NumPy script). */
import type { SheetStore } from './sheetStore';
import { columnLetters } from '../../sheet/address';
import type { PathRunSource, RegressionRunSource } from './chartSources';

export function collectRuns(sheet: SheetStore): { paths: PathRunSource[]; regressions: RegressionRunSource[] } {
  const paths: PathRunSource[] = [];
  const regressions: RegressionRunSource[] = [];
  for (let row = 1; row <= sheet.rows(); row++) {
    for (let col = 0; col < sheet.cols(); col++) {
      const address = `${columnLetters(col)}${row}`;
      const value = sheet.settledValue(address);
      if (value.kind !== 'run') continue;
      if (value.request.kind === 'path2d' && value.result.kind === 'path2d') paths.push({ address, request: value.request, result: value.result });
      if (value.request.kind === 'regression' && value.result.kind === 'regression') regressions.push({ address, request: value.request, result: value.result });
    }
  }
  return { paths, regressions };
}
