/**
 * The referendum chart as an SVG string, drawn from its layout: approval over 0–100% on top,
 * support below on a scale that shows the whole curve (broken, with a marker, when the tally needs
 * a closer look), the tally's history as a line with points up to now, the tally now as a dashed
 * line onwards, and vertical marks for now, the projected crossing and the projected approval.
 */
import type { ChartData } from '../../core/opengov/chart-data.js';
import { CHART_COLOURS, CHART_HEIGHT, CHART_WIDTH } from './colours.js';
import type { Pt } from './geometry.js';
import {
  AXIS_Y,
  type ChartLayout,
  LABEL_SIZE,
  LEFT,
  layoutChart,
  type PanelLayout,
  type PlacedLabel,
  RIGHT,
} from './layout.js';
import { num, text } from './svg-text.js';

export { CHART_COLOURS, CHART_HEIGHT, CHART_WIDTH } from './colours.js';

function path(points: readonly Pt[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ');
}

function label(l: PlacedLabel, fill: string): string {
  const ground = l.clear
    ? ''
    : `<rect x="${num(l.box.x)}" y="${num(l.box.y)}" width="${num(l.box.width)}" height="${num(l.box.height)}" fill="#ffffff" fill-opacity="0.9"/>`;
  return ground + text(l.x, l.y, l.text, LABEL_SIZE, { anchor: l.anchor, fill });
}

/** Two slanted strokes across each side of the frame with a white gap: the scale changes here. */
function axisBreak(p: PanelLayout): string {
  const y = p.scale.breakY;
  if (y === null) return '';
  const right = p.box.x + p.box.width;
  const strokes = [p.box.x, right]
    .map(
      (x) =>
        `<rect x="${num(x - 7)}" y="${num(y - 3)}" width="14" height="6" fill="#ffffff"/>` +
        `<line x1="${num(x - 7)}" y1="${num(y + 1)}" x2="${num(x + 7)}" y2="${num(y - 5)}" stroke="${CHART_COLOURS.text}" stroke-width="1.5"/>` +
        `<line x1="${num(x - 7)}" y1="${num(y + 5)}" x2="${num(x + 7)}" y2="${num(y - 1)}" stroke="${CHART_COLOURS.text}" stroke-width="1.5"/>`,
    )
    .join('');
  return `<g data-role="axis-break"><line x1="${p.box.x}" y1="${num(y)}" x2="${num(right)}" y2="${num(y)}" stroke="${CHART_COLOURS.muted}" stroke-width="1" stroke-dasharray="3 4"/>${strokes}</g>`;
}

function legend(p: PanelLayout, withHistory: boolean): string {
  const y = p.box.y - 12;
  const out: string[] = [];
  let x = RIGHT;
  const item = (body: string, swatch: (left: number) => string) => {
    const width = body.length * 7;
    out.push(text(x, y + 4, body, 12, { anchor: 'end', fill: CHART_COLOURS.muted }));
    x -= width + 30;
    out.push(swatch(x + 4));
    x -= 14;
  };
  if (withHistory)
    item(
      'tally',
      (left) =>
        `<line x1="${num(left)}" y1="${y}" x2="${num(left + 22)}" y2="${y}" stroke="${p.tallyColour}" stroke-width="2"/><circle cx="${num(left + 11)}" cy="${y}" r="3" fill="${p.tallyColour}"/>`,
    );
  item(
    'threshold',
    (left) => `<rect x="${num(left)}" y="${y - 2}" width="22" height="4" fill="${p.colour}"/>`,
  );
  return out.join('');
}

function drawPanel(p: PanelLayout, withHistory: boolean): string {
  const out: string[] = [];
  const { box, scale } = p;
  for (const tick of scale.ticks) {
    const gy = scale.y(tick.value);
    out.push(
      `<line x1="${LEFT}" y1="${num(gy)}" x2="${RIGHT}" y2="${num(gy)}" stroke="${CHART_COLOURS.grid}" stroke-width="1"/>`,
      text(LEFT - 12, gy + 4, tick.label, 12, { anchor: 'end', fill: CHART_COLOURS.muted }),
    );
  }
  const zoomNote = scale.zoom !== null ? ' · scale stretched below the break' : '';
  out.push(text(LEFT, box.y - 8, `${p.title}${zoomNote}`, 14, { bold: true }), legend(p, withHistory));
  if (p.curve.length > 1)
    out.push(
      `<path d="${path(p.curve)}" fill="none" stroke="${p.colour}" stroke-width="4" stroke-linejoin="round"/>`,
    );
  if (p.current) {
    const cy = num(p.current.y);
    out.push(
      `<line x1="${num(p.current.fromX)}" y1="${cy}" x2="${RIGHT}" y2="${cy}" stroke="${p.tallyColour}" stroke-width="2" stroke-dasharray="8 5"/>`,
    );
  }
  if (p.history.length > 1)
    out.push(
      `<path d="${path(p.history)}" fill="none" stroke="${p.tallyColour}" stroke-width="2" stroke-linejoin="round"/>`,
    );
  for (const pt of p.history)
    out.push(`<circle cx="${num(pt.x)}" cy="${num(pt.y)}" r="2.5" fill="${p.tallyColour}"/>`);
  if (p.nowDot)
    out.push(
      `<circle cx="${num(p.nowDot.x)}" cy="${num(p.nowDot.y)}" r="6" fill="${p.tallyColour}" stroke="#ffffff" stroke-width="2"/>`,
    );
  out.push(
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="${CHART_COLOURS.muted}" stroke-width="1"/>`,
    axisBreak(p),
  );
  if (p.label) out.push(label(p.label, p.tallyColour));
  return out.join('');
}

/** Each mark as a line through both panels (not across the titles between them) and its label below. */
function drawMarks(layout: ChartLayout): string {
  return layout.marks
    .map((m) => {
      const dash = m.dash ? ` stroke-dasharray="${m.dash}"` : '';
      const lines = layout.panels.map(
        (p) =>
          `<line x1="${num(m.x)}" y1="${p.box.y}" x2="${num(m.x)}" y2="${p.box.y + p.box.height}" stroke="${m.colour}" stroke-width="2"${dash}/>`,
      );
      return lines.join('') + label(m.label, m.colour);
    })
    .join('');
}

export function buildChartSvg(data: ChartData): string {
  const layout = layoutChart(data);
  const withHistory = (data.history?.approval.length ?? 0) > 0;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    text(LEFT, 34, data.title, 22, { bold: true }),
    text(LEFT, 58, data.subtitle, 14, { fill: CHART_COLOURS.muted }),
    drawMarks(layout),
    ...layout.panels.map((p) => drawPanel(p, withHistory)),
  ];
  for (const tick of layout.dayTicks)
    parts.push(text(tick.x, AXIS_Y, tick.label, 11, { anchor: 'middle', fill: CHART_COLOURS.muted }));
  if (data.footer)
    parts.push(text(RIGHT, CHART_HEIGHT - 10, data.footer, 11, { anchor: 'end', fill: CHART_COLOURS.muted }));
  parts.push('</svg>');
  return parts.join('');
}
