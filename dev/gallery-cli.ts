/**
 * `npm run gallery`: every reply and alert of the golden test's cases as Telegram and Discord show
 * them, rendered by the bots' own renderers into static pages under docs/gallery/ (index.html links
 * them) with the charts as PNG; where Chromium is installed (or HERALD_CHROMIUM names it), pictures
 * of a /stake, a /referendum and an alert on both platforms as docs/gallery/*.png. Without a
 * browser it says so and still writes the pages.
 */
import './node-support.js';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGallery } from './gallery/build.js';
import { casePage, indexPage } from './gallery/page.js';
import { findChromium, screenshot } from './gallery/screenshot.js';

const OUT = join(process.cwd(), 'docs', 'gallery');
const log = (line: string) => console.error(line);

async function main(): Promise<void> {
  const gallery = await buildGallery(log);
  mkdirSync(join(OUT, 'charts'), { recursive: true });
  // Pages and charts of an earlier run that this one no longer makes go.
  for (const old of readdirSync(OUT)) if (old.endsWith('.html')) rmSync(join(OUT, old));
  for (const old of readdirSync(join(OUT, 'charts'))) rmSync(join(OUT, 'charts', old));
  for (const page of gallery.pages) writeFileSync(join(OUT, page.file), casePage(page));
  for (const [path, png] of gallery.charts) writeFileSync(join(OUT, path), png);
  const browser = findChromium();
  let shots: string[] = [];
  if (browser) {
    shots = screenshot(browser, OUT, gallery.featured);
    log(`pictures: ${shots.join(', ')} (${browser})`);
  } else {
    shots = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    log(
      "no Chromium found (install Debian's chromium, or set HERALD_CHROMIUM): the pages are written, the pictures were not taken",
    );
  }
  writeFileSync(join(OUT, 'index.html'), indexPage(gallery.pages, shots));
  const cases = gallery.pages.reduce((n, p) => n + p.cases.length, 0);
  console.log(
    `gallery: ${gallery.pages.length} pages, ${cases} cases, ${gallery.charts.size} charts in docs/gallery/`,
  );
}

main().catch((error) => {
  console.error(`gallery failed: ${(error as Error).message}`);
  process.exit(1);
});
