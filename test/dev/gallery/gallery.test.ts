/**
 * The gallery without a browser: every page is produced from the golden test's cases, each shows
 * the renderers' own output (the Telegram HTML messages and keyboard buttons, the Discord embed
 * titles and buttons the golden files pin), user text stays escaped, and nothing reads
 * "undefined" or "NaN". The mock-up builders are checked on hand-made messages too.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGallery, type Gallery } from '../../../dev/gallery/build.js';
import { discordMockup } from '../../../dev/gallery/discord-mockup.js';
import { discordMarkup, escapeHtml, telegramMarkup } from '../../../dev/gallery/html.js';
import { casePage, indexPage } from '../../../dev/gallery/page.js';
import { telegramMockup } from '../../../dev/gallery/telegram-mockup.js';
import { ALERT_KINDS } from '../../golden/surfaces.js';

const GOLDEN = resolve(import.meta.dirname, '../../golden/files');

/** The Telegram messages and keyboard button texts of a golden .telegram.html file, per case. */
function telegramGolden(file: string): Array<{ label: string; messages: string[]; buttons: string[] }> {
  const out: Array<{ label: string; messages: string[]; buttons: string[] }> = [];
  for (const block of readFileSync(join(GOLDEN, file), 'utf8').split(/^=== /m).slice(1)) {
    const label = block.slice(0, block.indexOf(' ===\n'));
    const sections = block.split(/^--- (message \d+\/\d+|keyboard|photo) ---\n/m);
    const messages: string[] = [];
    const buttons: string[] = [];
    for (let i = 1; i < sections.length; i += 2) {
      const body = sections[i + 1]!.replace(/\n+$/, '');
      if (sections[i]!.startsWith('message')) messages.push(body);
      if (sections[i] === 'keyboard') {
        const keyboard = JSON.parse(body.split('\n')[0]!) as {
          inline_keyboard: Array<Array<{ text: string }>>;
        } | null;
        for (const row of keyboard?.inline_keyboard ?? []) for (const b of row) buttons.push(b.text);
      }
    }
    out.push({ label, messages, buttons });
  }
  return out;
}

let gallery: Gallery;
let html: Map<string, string>;

beforeAll(async () => {
  gallery = await buildGallery(() => undefined);
  html = new Map(gallery.pages.map((p) => [p.file, casePage(p)]));
}, 300_000);

describe('the gallery', () => {
  it('has a page per command group and per alert file, all linked from the index', () => {
    const groups = ['stake', 'validator', 'referenda', 'referendum', 'help', 'bad-input', 'missed'];
    for (const g of groups) expect(html.has(`commands-${g}.html`), g).toBe(true);
    const alertFiles = [...html.keys()].filter((f) => f.startsWith('alerts-'));
    for (const kind of ALERT_KINDS)
      expect(
        alertFiles.some((f) => html.get(f)!.includes(`<h2>${kind}`)),
        kind,
      ).toBe(true);
    const index = indexPage(gallery.pages, []);
    for (const p of gallery.pages) expect(index).toContain(`href="${p.file}"`);
  });

  it('shows every Telegram message and button of the golden files, and the Discord titles and buttons', () => {
    for (const page of gallery.pages.filter((p) => p.file.startsWith('commands-'))) {
      const group = page.file.slice('commands-'.length, -'.html'.length);
      const golden = telegramGolden(`commands/${group}.telegram.html`);
      const discord = JSON.parse(
        readFileSync(join(GOLDEN, `commands/${group}.discord.json`), 'utf8'),
      ) as Array<{
        case: string;
        response: {
          data: {
            embeds: Array<{ title?: string }>;
            components: Array<{ components: Array<{ label?: string }> }>;
          };
        };
      }>;
      expect(page.cases.map((c) => c.label)).toEqual(golden.map((g) => g.label));
      page.cases.forEach((c, i) => {
        const want = golden[i]!;
        // /status names the dev chain's blocks by hash, and the golden test starts its chain at a fixed time.
        if (!c.label.startsWith('/status'))
          for (const m of want.messages) expect(c.telegram, `${group}: ${c.label}`).toContain(m);
        for (const b of want.buttons) expect(c.telegram).toContain(escapeHtml(b));
        const data = discord[i]!.response.data;
        for (const e of data.embeds) if (e.title) expect(c.discord).toContain(escapeHtml(e.title));
        for (const row of data.components)
          for (const b of row.components) if (b.label) expect(c.discord).toContain(escapeHtml(b.label));
      });
    }
  });

  it('keeps user text escaped and never shows undefined or NaN', () => {
    const badInput = html.get('commands-bad-input.html')!;
    expect(badInput).not.toMatch(/<script/i);
    for (const [file, page] of html) {
      expect(page, file).not.toMatch(/\bundefined\b|\bNaN\b/);
      expect(page, file).not.toMatch(/&lt;t:\d+/); // Discord timestamps shown as times
    }
    expect(html.get('commands-help.html')).toContain('/stake &lt;address&gt;');
  });

  it('attaches the referendum charts as PNG and pictures a /stake, a /referendum and an alert on both platforms', () => {
    expect(gallery.charts.size).toBeGreaterThan(0);
    for (const [path, png] of gallery.charts) {
      expect(path).toMatch(/^charts\/[0-9a-f]{12}\.png$/);
      expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      expect([...html.values()].some((p) => p.includes(`src="${path}"`))).toBe(true);
    }
    expect(gallery.featured.map((f) => f.name)).toEqual([
      'stake-telegram',
      'stake-discord',
      'referendum-telegram',
      'referendum-discord',
      'alert-telegram',
      'alert-discord',
    ]);
    expect(gallery.featured.find((f) => f.name === 'referendum-telegram')!.markup).toContain('tg-photo');
  });
});

describe('the mock-ups', () => {
  it('Telegram: known tags kept, others escaped, URL buttons link out', () => {
    expect(
      telegramMarkup('<b>x</b> &lt;y&gt; <script>z</script> <a href="https://e.org/?a=1&amp;b=2">l</a>'),
    ).toBe('<b>x</b> &lt;y&gt; &lt;script&gt;z&lt;/script&gt; <a href="https://e.org/?a=1&amp;b=2">l</a>');
    expect(telegramMarkup('<a href="javascript:alert(1)">l</a>')).toBe('<a>l</a>');
    const m = telegramMockup({
      messages: ['<b>Hi</b>'],
      keyboard: {
        inline_keyboard: [
          [
            { text: 'Open <1>', url: 'https://kusama.subsquare.io/referenda/1' },
            { text: '#2', callback_data: '/referendum 2' },
          ],
        ],
      },
      photo: null,
    });
    expect(m).toContain('<a class="tg-button tg-url" href="https://kusama.subsquare.io/referenda/1"');
    expect(m).toContain('Open &lt;1&gt;');
    expect(m).toContain('<span class="tg-button" title="/referendum 2">#2</span>');
  });

  it('Discord: colour bar, fields, footer, link and custom-id buttons, ephemeral line', () => {
    const m = discordMockup({
      body: {
        embeds: [
          {
            title: 'A <b>',
            color: 0xe6007a,
            description: '**bold** `code` <t:1784214184:f>',
            fields: [{ name: 'N', value: 'v', inline: true }],
            footer: { text: 'foot' },
          },
        ],
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 5, label: 'Subsquare', url: 'https://kusama.subsquare.io/referenda/1' },
              { type: 2, style: 1, label: 'Alert me', custom_id: 'h1:h:/subscribe deadlines #1' },
            ],
          },
        ],
        flags: 64,
      },
    });
    expect(m).toContain('border-left-color:#e6007a');
    expect(m).toContain('A &lt;b&gt;');
    expect(m).toContain('<b>bold</b> <code>code</code> <span class="dc-time">16 July 2026 15:03</span>');
    expect(m).toContain('<div class="dc-field inline"><div class="dc-field-name">N</div>');
    expect(m).toContain('<a class="dc-button link" href="https://kusama.subsquare.io/referenda/1"');
    expect(m).toContain(
      '<span class="dc-button primary" title="h1:h:/subscribe deadlines #1">Alert me</span>',
    );
    expect(m).toContain('Only you can see this');
    expect(discordMarkup('a \\*b\\* <x>')).toBe('a *b* &lt;x&gt;');
  });
});
