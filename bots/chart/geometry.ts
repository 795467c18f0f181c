/**
 * Plane geometry for laying out the chart: boxes, polylines, whether a segment crosses a box, and
 * the placement of a label in free space (clear of every line it must not be struck through by).
 */

export interface Pt {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A width for `text` at `size` px in DejaVu Sans that no glyph run of it exceeds in practice. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text)
    ems += ch === '%' || ch === 'W' || ch === 'M' || ch === 'm' || ch === 'w' ? 0.95 : 0.66;
  return ems * size;
}

/** The box of a text drawn at (x, baseline y) with an anchor, padded by `pad` on every side. */
export function textBox(
  x: number,
  y: number,
  text: string,
  size: number,
  anchor: 'start' | 'middle' | 'end',
  pad = 2,
): Box {
  const width = textWidth(text, size);
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  return { x: left - pad, y: y - size * 0.8 - pad, width: width + 2 * pad, height: size + 2 * pad };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function boxInside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether the segment from a to b touches the box (Liang–Barsky clipping). */
export function segmentHitsBox(a: Pt, b: Pt, box: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return true;
}

export function polylineHitsBox(line: readonly Pt[], box: Box): boolean {
  if (line.length === 1) return segmentHitsBox(line[0]!, line[0]!, box);
  for (let i = 1; i < line.length; i++) if (segmentHitsBox(line[i - 1]!, line[i]!, box)) return true;
  return false;
}

export interface LabelCandidate {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * The first candidate whose box lies inside `area` and touches no obstacle line and no box already
 * taken; when none is free, the one touching the fewest (the caller draws it on a white ground).
 */
export function placeLabel(
  text: string,
  size: number,
  candidates: readonly LabelCandidate[],
  area: Box,
  lines: readonly (readonly Pt[])[],
  taken: readonly Box[],
): { at: LabelCandidate; box: Box; clear: boolean } | null {
  let best: { at: LabelCandidate; box: Box; hits: number } | null = null;
  for (const at of candidates) {
    const box = textBox(at.x, at.y, text, size, at.anchor);
    if (!boxInside(box, area)) continue;
    const hits =
      lines.filter((line) => polylineHitsBox(line, box)).length +
      taken.filter((t) => boxesOverlap(t, box)).length;
    if (hits === 0) return { at, box, clear: true };
    if (!best || hits < best.hits) best = { at, box, hits };
  }
  return best && { at: best.at, box: best.box, clear: false };
}
