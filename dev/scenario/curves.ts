/** Track curve thresholds (pallet_referenda `Curve::threshold`), used to build tallies that pass or fail. */
import { PERBILL } from '../../core/kusama/constants.js';
import type { Curve } from '../../core/types/index.js';

const P = Number(PERBILL);

/** Threshold in Perbill parts at decision-period fraction `x` (Perbill parts). */
export function curveThreshold(curve: Curve, x: number): number {
  switch (curve.type) {
    case 'LinearDecreasing': {
      const t = Math.min(x, curve.length) / curve.length;
      return Math.round(curve.ceil - t * (curve.ceil - curve.floor));
    }
    case 'SteppedDecreasing':
      return Math.max(curve.end, curve.begin - curve.step * Math.floor(x / curve.period));
    case 'Reciprocal': {
      const v = (Number(curve.factor) / (x + Number(curve.xOffset))) * P + Number(curve.yOffset);
      return Math.min(P, Math.max(0, Math.round(v)));
    }
  }
}
