/**
 * A panel's vertical scale: linear from 0 to its top, or broken at `zoom` (the part below
 * stretched over most of the height, the part above compressed into the rest) so a small support
 * stays readable while the whole curve is still drawn. Nothing is clamped: a value above the top
 * raises the top.
 */
import { pct, tickStep } from './svg-text.js';

/** Share of a broken panel's height given to the stretched part below the break. */
export const ZOOMED_SHARE = 0.72;

export interface PanelScale {
  top: number;
  height: number;
  /** The value at the top edge. */
  max: number;
  /** The value the scale breaks at, or null. */
  zoom: number | null;
  /** The y of the break, or null. */
  breakY: number | null;
  y(value: number): number;
  ticks: Array<{ value: number; label: string }>;
}

export function panelScale(
  top: number,
  height: number,
  wantedMax: number,
  wantedZoom: number | null,
  values: readonly number[],
): PanelScale {
  const finite = values.filter((v) => Number.isFinite(v) && v >= 0);
  const max = Math.max(Number.isFinite(wantedMax) && wantedMax > 0 ? wantedMax : 1, ...finite);
  const zoom =
    wantedZoom !== null && Number.isFinite(wantedZoom) && wantedZoom > 0 && wantedZoom < max
      ? wantedZoom
      : null;
  const bottom = top + height;
  const y = (value: number): number => {
    const v = Number.isFinite(value) ? Math.max(value, 0) : 0;
    if (zoom === null) return bottom - (v / max) * height;
    if (v <= zoom) return bottom - (v / zoom) * height * ZOOMED_SHARE;
    return bottom - height * ZOOMED_SHARE - ((v - zoom) / (max - zoom)) * height * (1 - ZOOMED_SHARE);
  };
  const step = tickStep(zoom ?? max);
  const ticks: PanelScale['ticks'] = [];
  for (let i = 0; i * step <= (zoom ?? max) * (1 + 1e-6); i++)
    ticks.push({ value: i * step, label: pct(i * step, step) });
  if (zoom !== null) ticks.push({ value: max, label: pct(max, tickStep(max)) });
  else if (max - ticks.at(-1)!.value > max * 0.05) ticks.push({ value: max, label: pct(max, step) });
  return { top, height, max, zoom, breakY: zoom === null ? null : y(zoom), y, ticks };
}
