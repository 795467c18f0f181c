/**
 * Screenshots of single mock-ups with headless Chromium, cropped to the mock-up: one run measures
 * it (the page writes its size into the DOM it dumps), a second takes the picture at that size.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shotPage } from './page.js';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to use: HERALD_CHROMIUM, else the first of the usual names on PATH; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.HERALD_CHROMIUM?.trim();
  if (explicit) return explicit;
  for (const dir of (env.PATH ?? '').split(delimiter))
    for (const name of NAMES) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {}
    }
  return null;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--force-device-scale-factor=1',
  '--virtual-time-budget=3000',
];

const MEASURE = `<script>addEventListener('load', () => { const r = document.getElementById('shot').getBoundingClientRect();
document.body.setAttribute('data-size', Math.ceil(r.width) + 'x' + Math.ceil(r.height)); });</script>`;

export interface Shot {
  name: string;
  markup: string;
  width: number;
}

/** Writes `<outDir>/<name>.png` for each shot; the pages refer to files under `outDir` (charts). */
export function screenshot(browser: string, outDir: string, shots: readonly Shot[]): string[] {
  const work = mkdtempSync(join(tmpdir(), 'herald-gallery-'));
  const written: string[] = [];
  try {
    for (const shot of shots) {
      const base = `<base href="${pathToFileURL(`${outDir}/`).href}">`;
      const html = shotPage(shot.name, shot.markup)
        .replace('<head>', `<head>${base}`)
        .replace('</body>', `${MEASURE}</body>`);
      const page = join(work, `${shot.name}.html`);
      writeFileSync(page, html);
      const url = pathToFileURL(page).href;
      const dom = execFileSync(
        browser,
        [...FLAGS, `--window-size=${shot.width + 60},4000`, '--dump-dom', url],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 60_000,
        },
      );
      const size = /data-size="(\d+)x(\d+)"/.exec(dom);
      if (!size) throw new Error(`could not measure ${shot.name} in ${browser}`);
      const out = join(outDir, `${shot.name}.png`);
      execFileSync(browser, [...FLAGS, `--window-size=${size[1]},${size[2]}`, `--screenshot=${out}`, url], {
        stdio: 'ignore',
        timeout: 60_000,
      });
      written.push(`${shot.name}.png`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return written;
}
