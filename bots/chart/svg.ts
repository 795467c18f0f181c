/**
 * The referendum chart as an SVG string: the approval curve over 0–100% on top, the support curve
 * below on its own scale, each with the current value as a dashed line, and vertical marks for
 * now, the projected crossing and the projected approval.
 */
import type { ChartData, ChartMark, ChartPoint } from '../../core/opengov/chart-data.js';
import { CHART_COLOURS, CHART_HEIGHT, CHART_WIDTH } from './colours.js';
import { num, pct, text, tickStep } from './svg-text.js';

export { CHART_COLOURS, CHART_HEIGHT, CHART_WIDTH } from './colours.js';

const LEFT = 70;
const RIGHT = CHART_WIDTH - 30;
const APPROVAL_PANEL = { top: 96, height: 190 };
const SUPPORT_PANEL = { top: 318, height: 140 };

interface Panel {
  top: number;
  height: number;
  yMax: number;
}

function y(panel: Panel, value: number): number {
  const clamped = Math.min(Math.max(value, 0), panel.yMax);
  return panel.top + panel.height - (clamped / panel.yMax) * panel.height;
}

function drawPanel(
  id: string,
  panel: Panel,
  xOf: (days: number) => number,
  curve: ChartPoint[],
  colour: string,
  current: number | null,
  currentColour: string,
  nowDays: number | null,
  title: string,
): string {
  const out: string[] = [];
  const bottom = panel.top + panel.height;
  out.push(
    `<clipPath id="${id}"><rect x="${LEFT}" y="${panel.top}" width="${RIGHT - LEFT}" height="${panel.height}"/></clipPath>`,
  );
  const step = tickStep(panel.yMax);
  for (let i = 0; i * step <= panel.yMax + 1e-12; i++) {
    const v = i * step;
    const gy = y(panel, v);
    out.push(
      `<line x1="${LEFT}" y1="${num(gy)}" x2="${RIGHT}" y2="${num(gy)}" stroke="${CHART_COLOURS.grid}" stroke-width="1"/>`,
    );
    out.push(text(LEFT - 8, gy + 4, pct(v, step), 12, { anchor: 'end', fill: CHART_COLOURS.muted }));
  }
  out.push(`<rect x="${LEFT}" y="${panel.top - 16}" width="22" height="4" fill="${colour}"/>`);
  out.push(text(LEFT + 30, panel.top - 8, title, 14, { bold: true }));
  if (curve.length > 1) {
    const d = curve.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(xOf(p.x))},${num(y(panel, p.y))}`).join(' ');
    out.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="4" stroke-linejoin="round" clip-path="url(#${id})"/>`,
    );
  }
  if (current !== null) {
    const cy = num(y(panel, current));
    out.push(
      `<line x1="${LEFT}" y1="${cy}" x2="${RIGHT}" y2="${cy}" stroke="${currentColour}" stroke-width="2" stroke-dasharray="8 5"/>`,
    );
    out.push(
      text(RIGHT - 4, Number(cy) - 6, `now ${pct(current, step / 10)}`, 12, {
        anchor: 'end',
        fill: currentColour,
      }),
    );
    if (nowDays !== null) {
      out.push(
        `<circle cx="${num(xOf(nowDays))}" cy="${cy}" r="6" fill="${currentColour}" stroke="#ffffff" stroke-width="2"/>`,
      );
    }
  }
  out.push(
    `<rect x="${LEFT}" y="${panel.top}" width="${RIGHT - LEFT}" height="${bottom - panel.top}" fill="none" stroke="${CHART_COLOURS.muted}" stroke-width="1"/>`,
  );
  return out.join('');
}

function drawMark(
  mark: ChartMark,
  xOf: (days: number) => number,
  colour: string,
  dash: string,
  row: number,
): string {
  const x = num(xOf(mark.days));
  const top = APPROVAL_PANEL.top;
  const bottom = SUPPORT_PANEL.top + SUPPORT_PANEL.height;
  const line = `<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  const labelY = bottom + 36 + row * 16;
  const anchor = Number(x) > RIGHT - 140 ? 'end' : Number(x) < LEFT + 140 ? 'start' : 'middle';
  return line + text(Number(x), labelY, mark.label, 12, { anchor, fill: colour });
}

/** Extend a curve flat to `xMax`: after the decision period x stays at one. */
function extend(curve: ChartPoint[], xMax: number): ChartPoint[] {
  const last = curve[curve.length - 1];
  return last && last.x < xMax ? [...curve, { x: xMax, y: last.y }] : curve;
}

export function buildChartSvg(data: ChartData): string {
  const marks = [data.now, data.crossing, data.approval].filter((m): m is ChartMark => m !== null);
  const xMax = Math.max(data.periodDays, ...marks.map((m) => m.days), 1);
  const xMin = Math.min(0, ...marks.map((m) => m.days));
  const xOf = (days: number) => LEFT + ((days - xMin) / (xMax - xMin)) * (RIGHT - LEFT);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    text(LEFT, 34, data.title, 22, { bold: true }),
    text(LEFT, 60, data.subtitle, 14, { fill: CHART_COLOURS.muted }),
  ];
  const nowDays = data.now?.days ?? null;
  parts.push(
    drawPanel(
      'approval',
      { ...APPROVAL_PANEL, yMax: 1 },
      xOf,
      extend(data.approvalCurve, xMax),
      CHART_COLOURS.approval,
      data.current?.approval ?? null,
      CHART_COLOURS.approvalNow,
      nowDays,
      'Approval threshold',
    ),
    drawPanel(
      'support',
      { ...SUPPORT_PANEL, yMax: data.supportMax > 0 ? data.supportMax : 1 },
      xOf,
      extend(data.supportCurve, xMax),
      CHART_COLOURS.support,
      data.current?.support ?? null,
      CHART_COLOURS.supportNow,
      nowDays,
      'Support threshold',
    ),
  );
  const axisY = SUPPORT_PANEL.top + SUPPORT_PANEL.height + 16;
  const step = xMax - xMin <= 8 ? 1 : 2;
  for (let d = Math.ceil(xMin / step) * step; d <= xMax + 1e-9; d += step) {
    parts.push(text(xOf(d), axisY, `day ${d}`, 11, { anchor: 'middle', fill: CHART_COLOURS.muted }));
  }
  if (data.now) parts.push(drawMark(data.now, xOf, CHART_COLOURS.now, '6 4', 0));
  if (data.crossing) parts.push(drawMark(data.crossing, xOf, CHART_COLOURS.pass, '', 1));
  if (data.approval) parts.push(drawMark(data.approval, xOf, CHART_COLOURS.pass, '2 3', 2));
  if (data.footer)
    parts.push(text(RIGHT, CHART_HEIGHT - 10, data.footer, 11, { anchor: 'end', fill: CHART_COLOURS.muted }));
  parts.push('</svg>');
  return parts.join('');
}
