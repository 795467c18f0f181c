/**
 * PNG rendering of a referendum chart with resvg's wasm build (no browser, no native module) and
 * the bundled DejaVu fonts. The PNG goes into the Discord embed and the Telegram photo.
 */

import { Resvg } from '@resvg/resvg-wasm';
import type { ChartData } from '../../core/opengov/chart-data.js';
import { chartFonts } from './assets.js';
import { ChartRenderError } from './errors.js';
import { buildChartSvg } from './svg.js';

/** A full-size sample chart: warming up on the real layout compiles every drawing path resvg uses. */
const WARM_UP_DATA: ChartData = {
  title: 'Referendum #0 · Warm Up',
  subtitle: 'Deciding · failing · approval 75%, support 1%',
  periodDays: 14,
  approvalCurve: Array.from({ length: 60 }, (_, i) => ({ x: (14 * i) / 59, y: 1 - (0.5 * i) / 59 })),
  supportCurve: Array.from({ length: 60 }, (_, i) => ({ x: (14 * i) / 59, y: 0.5 / (1 + i) })),
  supportMax: 0.5,
  supportZoom: 0.05,
  current: { approval: 0.75, support: 0.01 },
  history: {
    approval: Array.from({ length: 20 }, (_, i) => ({ x: i / 10, y: 0.6 + i / 100 })),
    support: Array.from({ length: 20 }, (_, i) => ({ x: i / 10, y: i / 2000 })),
  },
  now: { days: 2, label: 'now 2026-01-01 00:00 UTC' },
  crossing: { days: 6, label: 'passes 2026-01-05 00:00 UTC' },
  approval: { days: 7, label: 'approval 2026-01-06 00:00 UTC' },
  passing: false,
  footer: 'Relay block #1,000 · times at 6 s a block',
};

/**
 * Load the wasm and fonts and render a sample chart once, so resvg's code is compiled before a
 * user waits on it. Call it at process start (a Lambda's init phase); rendering works without it.
 */
export async function warmUpChartRenderer(): Promise<void> {
  await renderReferendumChart(WARM_UP_DATA);
}

/** Render the chart to PNG bytes; rejects with a ChartRenderError, never anything else. */
export async function renderReferendumChart(data: ChartData): Promise<Uint8Array> {
  const fonts = await chartFonts();
  let svg: string;
  try {
    svg = buildChartSvg(data);
  } catch (cause) {
    throw new ChartRenderError('The chart data could not be drawn.', cause);
  }
  let renderer: InstanceType<typeof Resvg> | null = null;
  try {
    renderer = new Resvg(svg, {
      font: { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      fitTo: { mode: 'original' },
      background: '#ffffff',
    });
    const image = renderer.render();
    const png = image.asPng();
    image.free();
    return png;
  } catch (cause) {
    throw new ChartRenderError(`The chart could not be rendered: ${String(cause)}`, cause);
  } finally {
    renderer?.free();
  }
}
