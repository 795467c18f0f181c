/** SVG text and number primitives for the chart: escaping, rounding, ticks and percentages. */
import { formatPercent } from '../../core/format/number.js';
import { CHART_COLOURS } from './colours.js';

const FONT = 'DejaVu Sans';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function num(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : '0';
}

export function text(
  x: number,
  y: number,
  body: string,
  size: number,
  opts: { anchor?: string; fill?: string; bold?: boolean } = {},
) {
  const weight = opts.bold ? ' font-weight="bold"' : '';
  return `<text x="${num(x)}" y="${num(y)}" font-family="${FONT}" font-size="${size}"${weight} fill="${opts.fill ?? CHART_COLOURS.text}" text-anchor="${opts.anchor ?? 'start'}">${esc(body)}</text>`;
}

const TICK_STEPS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];

/** A round tick step giving at most five intervals up to `max`. */
export function tickStep(max: number): number {
  return TICK_STEPS.find((step) => max / step <= 5 + 1e-9) ?? max / 4;
}

/** A tick's percentage with as many decimals as the step needs, trailing zeros dropped ('2.5%', '25%'). */
export function pct(fraction: number, step: number): string {
  return formatPercent(fraction, step < 0.01 ? 2 : step < 0.1 ? 1 : 0);
}
