/** The gallery's pages: one per group of cases, each case Telegram and Discord side by side, and the index. */
import { escapeHtml } from './html.js';

export interface GalleryCase {
  /** The command line or alert case as named in the golden files. */
  label: string;
  /** Mock-up markup per platform. */
  telegram: string;
  discord: string;
}

export interface GalleryPage {
  /** File name under docs/gallery/, e.g. commands-stake.html. */
  file: string;
  title: string;
  /** What the page shows, one line. */
  about: string;
  cases: GalleryCase[];
}

export const STYLE = `
body { margin: 0; font: 15px/1.35 system-ui, "DejaVu Sans", sans-serif; background: #f4f4f5; color: #111; }
header, main { max-width: 1120px; margin: 0 auto; padding: 12px 16px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 16px; margin: 0 0 8px; font-family: monospace; word-break: break-all; }
.case { background: #fff; border-radius: 8px; padding: 12px; margin: 0 0 16px; }
.pair { display: flex; gap: 12px; align-items: flex-start; flex-wrap: wrap; }
.platform { font-size: 12px; text-transform: uppercase; color: #666; margin: 0 0 4px; }
.shot { display: inline-block; padding: 10px; }
.tg-chat { background: #99ba92 linear-gradient(160deg, #a7c4a0, #87ab80); padding: 10px; width: 440px; border-radius: 6px; }
.tg-bubble { background: #fff; border-radius: 12px; padding: 7px 10px; margin: 0 0 4px; max-width: 420px; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
.tg-text { white-space: pre-wrap; word-wrap: break-word; font-size: 14.5px; }
.tg-text code, .tg-text pre { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; color: #b5245b; }
.tg-text a { color: #2a7ab8; text-decoration: none; }
.tg-photo { padding: 0; overflow: hidden; } .tg-photo img { display: block; width: 100%; } .tg-photo .tg-text { padding: 6px 10px; }
.tg-keyboard { max-width: 440px; } .tg-row { display: flex; gap: 4px; margin: 0 0 4px; }
.tg-button { flex: 1; position: relative; text-align: center; background: rgba(70, 100, 60, .55); color: #fff; border-radius: 8px; padding: 8px 6px; font-size: 13.5px; text-decoration: none; }
.corner { position: absolute; top: 2px; right: 5px; font-size: 11px; }
.dc-message { display: flex; gap: 12px; background: #313338; color: #dbdee1; padding: 12px 14px; width: 560px; border-radius: 6px; }
.dc-avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #e6007a; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 700; }
.dc-content { flex: 1; min-width: 0; } .dc-name { font-weight: 600; color: #f2f3f5; margin: 0 0 4px; }
.dc-bot { background: #5865f2; color: #fff; font-size: 10px; padding: 1px 4px; border-radius: 3px; vertical-align: middle; }
.dc-embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 12px 12px; margin: 0 0 6px; max-width: 500px; font-size: 14px; }
.dc-author { font-size: 13px; font-weight: 600; margin: 4px 0; } .dc-title { font-weight: 700; color: #f2f3f5; margin: 4px 0; }
.dc-title a, .dc-embed a { color: #00a8fc; text-decoration: none; }
.dc-description, .dc-field-value { white-space: pre-wrap; word-wrap: break-word; }
.dc-embed code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-family: "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.dc-fields { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 8px 0 0; }
.dc-field { flex: 1 1 100%; min-width: 0; } .dc-field.inline { flex: 1 1 28%; }
.dc-field-name { font-weight: 600; color: #f2f3f5; margin: 0 0 2px; }
.dc-image { display: block; max-width: 100%; border-radius: 4px; margin: 12px 0 0; }
.dc-footer { font-size: 12px; color: #b5bac1; margin: 8px 0 0; }
.dc-row { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0 0; }
.dc-button { position: relative; border-radius: 3px; padding: 4px 16px; font-size: 14px; color: #fff; text-decoration: none; }
.dc-button.primary { background: #5865f2; } .dc-button.secondary, .dc-button.link { background: #4e5058; }
.dc-button.success { background: #248046; } .dc-button.danger { background: #da373c; }
.dc-button.link { padding-right: 24px; } .dc-button.disabled { opacity: .5; }
.dc-time { background: #3f4147; border-radius: 3px; padding: 0 2px; }
.dc-ephemeral { font-size: 12px; color: #949ba4; margin: 6px 0 0; }
nav a { display: inline-block; margin: 0 12px 4px 0; }
`;

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n</body></html>\n`;

export function casePage(p: GalleryPage): string {
  const cases = p.cases.map(
    (c, i) =>
      `<section class="case" id="case-${i + 1}"><h2>${escapeHtml(c.label)}</h2><div class="pair">` +
      `<div><div class="platform">Telegram</div>${c.telegram}</div>` +
      `<div><div class="platform">Discord</div>${c.discord}</div></div></section>`,
  );
  return page(
    `Herald gallery: ${p.title}`,
    `<header><a href="index.html">← gallery</a><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.about)}</p></header>\n<main>\n${cases.join('\n')}\n</main>`,
  );
}

/** One mock-up alone on a page, for a screenshot cropped to it. */
export function shotPage(title: string, mockup: string): string {
  return page(title, `<div class="shot" id="shot">${mockup}</div>`);
}

export function indexPage(pages: readonly GalleryPage[], shots: readonly string[]): string {
  const list = (prefix: string) =>
    pages
      .filter((p) => p.file.startsWith(prefix))
      .map(
        (p) =>
          `<li><a href="${p.file}">${escapeHtml(p.title)}</a>: ${p.cases.length} cases. ${escapeHtml(p.about)}</li>`,
      )
      .join('\n');
  const pictures = shots
    .map((s) => `<a href="${s}"><img src="${s}" alt="${escapeHtml(s)}" style="max-width:100%"></a>`)
    .join('\n');
  return page(
    'Herald gallery',
    `<header><h1>Herald gallery</h1><p>Every reply and every alert as Telegram and Discord show them, rendered by the bots' own renderers on the golden test's cases (<code>npm run gallery</code> rebuilds it).</p></header>
<main><h2>Replies</h2><ul>${list('commands-')}</ul><h2>Alerts</h2><ul>${list('alerts-')}</ul>${pictures ? `<h2>Pictures</h2>${pictures}` : ''}</main>`,
  );
}
