/**
 * PNG rendering of a referendum chart with resvg's wasm build (no browser, no native module) and
 * the bundled DejaVu fonts. The PNG goes into the Discord embed and the Telegram photo.
 */

import { Resvg } from '@resvg/resvg-wasm';
import type { ChartData } from '../../core/opengov/chart-data.js';
import { chartFonts } from './assets.js';
import { ChartRenderError } from './errors.js';
import { buildChartSvg } from './svg.js';

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
