/**
 * The heavy ball's convergence rate over a grid of (learning rate, momentum): the worst spectral
 * radius over the Hessian's eigenvalues at each grid point. Below 1 the run converges; the
 * valley of the map is Polyak's optimum.
 */
import type { RateMapRequest, RateMapResult } from './runTypes';
import { gridValue } from './gridAxis';
import { overallRate } from './quadratic';

export { gridValue };

/**
 * Rates on a width × height grid, row-major: row r is momentum gridValue(momentumRange, height, r),
 * column c is learning rate gridValue(lrRange, width, c). A non-integer or negative size counts
 * as its floor, at least 0.
 * `computeRateMap({kind:'rateMap', eigenvalues:[0.2, 4], lrRange:[0, 1], momentumRange:[0, 0.9], width:400, height:200}).rates.length` → `80000`.
 */
export function computeRateMap(req: RateMapRequest): RateMapResult {
  const width = Math.max(0, Math.floor(req.width));
  const height = Math.max(0, Math.floor(req.height));
  const rates = new Float32Array(width * height);
  const etas = new Float64Array(width);
  for (let c = 0; c < width; c++) etas[c] = gridValue(req.lrRange, width, c);
  for (let r = 0; r < height; r++) {
    const gamma = gridValue(req.momentumRange, height, r);
    const row = r * width;
    for (let c = 0; c < width; c++) rates[row + c] = overallRate('momentum', etas[c], gamma, req.eigenvalues);
  }
  return { kind: 'rateMap', width, height, rates };
}
