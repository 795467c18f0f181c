/**
 * Where everything on the referendum chart goes, in pixels: the two panels with their scales, the
 * threshold curves, the tally history, the current tally's line, the vertical marks, and the
 * labels, each placed in free space. The SVG is drawn from this; the tests check its geometry.
 */
import { formatPercent } from '../../core/format/number.js';
import type { ChartData, ChartMark, ChartPoint } from '../../core/opengov/chart-data.js';
import { CHART_COLOURS, CHART_WIDTH } from './colours.js';
import { type Box, type LabelCandidate, type Pt, placeLabel, textBox } from './geometry.js';
import { type PanelScale, panelScale } from './scale.js';

export const LEFT = 70;
export const RIGHT = CHART_WIDTH - 30;
const APPROVAL_TOP = 104;
const APPROVAL_HEIGHT = 180;
const SUPPORT_TOP = 326;
const SUPPORT_HEIGHT = 150;
export const AXIS_Y = SUPPORT_TOP + SUPPORT_HEIGHT + 16;
const MARK_ROWS_Y = AXIS_Y + 22;
export const LABEL_SIZE = 12;

export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  /** False when no free place was found: it is drawn on a white ground. */
  clear: boolean;
}

export interface PanelLayout {
  id: 'approval' | 'support';
  title: string;
  box: Box;
  scale: PanelScale;
  colour: string;
  tallyColour: string;
  /** The threshold curve, extended flat past the decision period. */
  curve: Pt[];
  /** The tally since deciding started; empty without a history. */
  history: Pt[];
  /** The tally now as a dashed line from `fromX` to the right edge ("if the tally holds"). */
  current: { y: number; fromX: number } | null;
  nowDot: Pt | null;
  label: PlacedLabel | null;
}

export interface MarkLayout {
  x: number;
  colour: string;
  dash: string;
  label: PlacedLabel;
}

export interface ChartLayout {
  xOf(days: number): number;
  dayTicks: Array<{ x: number; label: string }>;
  panels: [PanelLayout, PanelLayout];
  marks: MarkLayout[];
}

function extend(curve: ChartPoint[], xMax: number): ChartPoint[] {
  const last = curve[curve.length - 1];
  return last && last.x < xMax ? [...curve, { x: xMax, y: last.y }] : curve;
}

function finitePoints(points: readonly ChartPoint[] | undefined): ChartPoint[] {
  return (points ?? []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

/** A small square around a point, as a closed line: labels keep clear of the now dot. */
function around(p: Pt, r: number): Pt[] {
  return [
    { x: p.x - r, y: p.y - r },
    { x: p.x + r, y: p.y - r },
    { x: p.x + r, y: p.y + r },
    { x: p.x - r, y: p.y + r },
    { x: p.x - r, y: p.y - r },
  ];
}

/**
 * Along the current-tally line, right to left, just above it, then just below, then further away
 * (still in its column); last anywhere in the panel, from the top right.
 */
function currentLabelCandidates(y: number, fromX: number, box: Box): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (const baseline of [y - 7, y + 17, y - 22, y + 32, y - 37, y + 47]) {
    out.push({ x: RIGHT - 6, y: baseline, anchor: 'end' });
    out.push({ x: fromX + 12, y: baseline, anchor: 'start' });
    for (let x = RIGHT - 46; x > fromX + 60; x -= 40) out.push({ x, y: baseline, anchor: 'end' });
    out.push({ x: fromX - 12, y: baseline, anchor: 'end' });
  }
  for (let baseline = box.y + 16; baseline < box.y + box.height; baseline += 8)
    for (let x = RIGHT - 6; x > LEFT + 80; x -= 40) out.push({ x, y: baseline, anchor: 'end' });
  return out;
}

interface PanelInput {
  id: PanelLayout['id'];
  title: string;
  box: Box;
  scale: PanelScale;
  colour: string;
  tallyColour: string;
  curve: ChartPoint[];
  history: ChartPoint[];
  current: number | null;
}

function layoutPanel(
  input: PanelInput,
  xOf: (days: number) => number,
  nowDays: number | null,
  markLines: Pt[][],
): PanelLayout {
  const { scale, box } = input;
  const toPx = (p: ChartPoint): Pt => ({ x: xOf(p.x), y: scale.y(p.y) });
  const curve = input.curve.map(toPx);
  const history = input.history.map(toPx);
  const currentValue = input.current !== null && Number.isFinite(input.current) ? input.current : null;
  let current: PanelLayout['current'] = null;
  let nowDot: Pt | null = null;
  let label: PlacedLabel | null = null;
  if (currentValue !== null) {
    const y = scale.y(currentValue);
    const fromX = nowDays === null ? LEFT : xOf(nowDays);
    current = { y, fromX };
    if (nowDays !== null) nowDot = { x: fromX, y };
    const text = `now ${formatPercent(currentValue, input.id === 'support' ? 3 : 2)}`;
    const lines = [curve, history, ...markLines, ...(nowDot ? [around(nowDot, 7)] : [])];
    const placed = placeLabel(text, LABEL_SIZE, currentLabelCandidates(y, fromX, box), box, lines, []);
    if (placed) label = { text, ...placed.at, box: placed.box, clear: placed.clear };
  }
  return {
    id: input.id,
    title: input.title,
    box,
    scale,
    colour: input.colour,
    tallyColour: input.tallyColour,
    curve,
    history,
    current,
    nowDot,
    label,
  };
}

function layoutMarks(data: ChartData, xOf: (days: number) => number): MarkLayout[] {
  const marks: Array<[ChartMark | null, string, string]> = [
    [data.now, CHART_COLOURS.now, '6 4'],
    [data.crossing, CHART_COLOURS.pass, ''],
    [data.approval, CHART_COLOURS.pass, '2 3'],
  ];
  const out: MarkLayout[] = [];
  let row = 0;
  for (const [mark, colour, dash] of marks) {
    if (!mark) continue;
    const x = xOf(mark.days);
    const anchor = x > RIGHT - 140 ? 'end' : x < LEFT + 140 ? 'start' : 'middle';
    const y = MARK_ROWS_Y + row * 16;
    row += 1;
    out.push({
      x,
      colour,
      dash,
      label: {
        text: mark.label,
        x,
        y,
        anchor,
        box: textBox(x, y, mark.label, LABEL_SIZE, anchor),
        clear: true,
      },
    });
  }
  return out;
}

export function layoutChart(data: ChartData): ChartLayout {
  const marks = [data.now, data.crossing, data.approval].filter((m): m is ChartMark => m !== null);
  const markDays = marks.map((m) => m.days).filter(Number.isFinite);
  const xMax = Math.max(data.periodDays || 0, ...markDays, 1);
  const xMin = Math.min(0, ...markDays);
  const xOf = (days: number) => LEFT + ((days - xMin) / (xMax - xMin)) * (RIGHT - LEFT);
  const step = xMax - xMin <= 8 ? 1 : 2;
  const dayTicks: ChartLayout['dayTicks'] = [];
  for (let d = Math.ceil(xMin / step) * step; d <= xMax + 1e-9; d += step)
    dayTicks.push({ x: xOf(d), label: `day ${d}` });
  const markLayouts = layoutMarks(data, xOf);
  const markLines = markLayouts.map((m) => [
    { x: m.x, y: APPROVAL_TOP },
    { x: m.x, y: SUPPORT_TOP + SUPPORT_HEIGHT },
  ]);
  const nowDays = data.now && Number.isFinite(data.now.days) ? data.now.days : null;
  const approvalCurve = extend(finitePoints(data.approvalCurve), xMax);
  const supportCurve = extend(finitePoints(data.supportCurve), xMax);
  const approvalHistory = finitePoints(data.history?.approval);
  const supportHistory = finitePoints(data.history?.support);
  const approvalScale = panelScale(APPROVAL_TOP, APPROVAL_HEIGHT, 1, null, [
    ...approvalHistory.map((p) => p.y),
    data.current?.approval ?? 0,
  ]);
  const supportScale = panelScale(SUPPORT_TOP, SUPPORT_HEIGHT, data.supportMax, data.supportZoom ?? null, [
    ...supportCurve.map((p) => p.y),
    ...supportHistory.map((p) => p.y),
    data.current?.support ?? 0,
  ]);
  const width = RIGHT - LEFT;
  const approval = layoutPanel(
    {
      id: 'approval',
      title: 'Approval',
      box: { x: LEFT, y: APPROVAL_TOP, width, height: APPROVAL_HEIGHT },
      scale: approvalScale,
      colour: CHART_COLOURS.approval,
      tallyColour: CHART_COLOURS.approvalNow,
      curve: approvalCurve,
      history: approvalHistory,
      current: data.current?.approval ?? null,
    },
    xOf,
    nowDays,
    markLines,
  );
  const support = layoutPanel(
    {
      id: 'support',
      title: 'Support',
      box: { x: LEFT, y: SUPPORT_TOP, width, height: SUPPORT_HEIGHT },
      scale: supportScale,
      colour: CHART_COLOURS.support,
      tallyColour: CHART_COLOURS.supportNow,
      curve: supportCurve,
      history: supportHistory,
      current: data.current?.support ?? null,
    },
    xOf,
    nowDays,
    markLines,
  );
  return { xOf, dayTicks, panels: [approval, support], marks: markLayouts };
}
