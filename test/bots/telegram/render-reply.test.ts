import { describe, expect, it } from 'vitest';
import { COMMAND_SET } from '../../../bots/commands/parse.js';
import { visibleLength } from '../../../bots/telegram/html.js';
import { inlineKeyboard } from '../../../bots/telegram/keyboard.js';
import { MAX_TEXT_CHARS, renderReply } from '../../../bots/telegram/render-reply.js';
import { commandError } from '../../../core/commands/errors.js';
import { errorReply, helpReply } from '../../../core/reply/builders.js';
import type { Freshness } from '../../../core/reply/freshness.js';
import type { ChartAttachment, ReferendaReply, ReferendumRow } from '../../../core/reply/reply-types.js';
import { htmlProblem } from '../../helpers/fake-telegram.js';

const fresh: Freshness = {
  relayBlock: 31_562_213,
  assetHubBlock: 11_900_000,
  chainTimeMs: Date.UTC(2026, 10, 25, 12),
  snapshotAtMs: Date.UTC(2026, 10, 25, 12),
  ageMs: 120_000,
  stale: false,
  staleAfterMs: 900_000,
  version: 42,
};

const row = (id: number, proposal: string): ReferendumRow => ({
  id,
  track: { id: 33, name: 'medium_spender', displayName: 'Medium Spender' },
  phase: 'deciding',
  reason: null,
  queuePosition: null,
  next: null,
  timeLeftMs: null,
  passing: true,
  approval: 712_000_000,
  support: 19_000_000,
  proposal,
});

function referenda(rows: ReferendumRow[]): ReferendaReply {
  return {
    type: 'referenda',
    filter: { track: null, status: 'ongoing' },
    page: 1,
    pageCount: 3,
    total: 25,
    rows,
    ended: [],
    endedOmittedByTrack: false,
    freshness: fresh,
    actions: [
      { type: 'open-referendum', referendum: 1, command: '/referendum 1' },
      { type: 'page', direction: 'next', page: 2, pageCount: 3, command: '/referenda page 2' },
    ],
    attachments: [],
  };
}

describe('Telegram rendering of reply intents', () => {
  it('escapes chain text (proposal summaries) and ends with the data age', () => {
    const answer = renderReply(referenda([row(1, 'Treasury.spend(<b>1 KSM</b> & more) to "you"')]));
    expect(answer.messages).toHaveLength(1);
    const html = answer.messages[0]!;
    expect(htmlProblem(html)).toBeNull();
    expect(html).toContain('Treasury.spend(&lt;b&gt;1 KSM&lt;/b&gt; &amp; more) to &quot;you&quot;');
    expect(html).toContain('<i>Data as of relay block #31,562,213 (Asset Hub #11,900,000), snapshot 2m old');
  });

  it('splits an answer too long for one message on line boundaries; the keyboard goes on the last', () => {
    const long = Array.from({ length: 40 }, (_, i) =>
      row(i, `${'Proposal text with <tags> & symbols '.repeat(8)}#${i}`),
    );
    const answer = renderReply(referenda(long));
    expect(answer.messages.length).toBeGreaterThan(1);
    for (const m of answer.messages) {
      expect(htmlProblem(m)).toBeNull();
      expect(visibleLength(m)).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    }
    const all = answer.messages.join('\n');
    for (let i = 0; i < 40; i++) expect(all).toContain(`#${i} · Medium Spender · deciding`);
    expect(answer.keyboard?.inline_keyboard.flat().map((b) => b.text)).toEqual(['#1', 'Next ▶ 2/3']);
  });

  it('cuts a single chain line longer than a message instead of sending something Telegram refuses', () => {
    const answer = renderReply(referenda([row(9, 'x'.repeat(20_000))]));
    for (const m of answer.messages) expect(visibleLength(m)).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(answer.messages.join('')).toContain('…');
  });

  it('renders errors with the hint and usage, escaped, and help with every command', () => {
    const error = renderReply(
      errorReply(
        commandError('invalid-address', '"<x>" is not a valid address.', '/stake <address>'),
        'stake',
        fresh,
      ),
    );
    expect(error.messages[0]).toMatch(
      /^<b>\/stake: that did not work<\/b>\n&quot;&lt;x&gt;&quot; is not a valid address\./,
    );
    expect(error.messages[0]).toContain('Try: /stake &lt;address&gt;');
    expect(error.keyboard).toBeNull();
    const help = renderReply(helpReply(null, COMMAND_SET.specs, null));
    expect(htmlProblem(help.messages[0]!)).toBeNull();
    for (const c of [
      '/stake',
      '/validator',
      '/era',
      '/referenda',
      '/referendum',
      '/tracks',
      '/subscribe',
      '/unsubscribe',
      '/subscriptions',
      '/status',
      '/help',
    ])
      expect(help.messages[0]).toContain(c);
    expect(help.messages.join('\n')).not.toContain('Data');
  });

  it('puts a stale warning first', () => {
    const answer = renderReply(referenda([row(1, 'p')]));
    expect(answer.messages[0]!.startsWith('<b>')).toBe(true);
    const stale = renderReply({
      ...referenda([row(1, 'p')]),
      freshness: { ...fresh, stale: true, ageMs: 3_600_000 },
    });
    expect(stale.messages[0]!.startsWith('⚠️ <b>WARNING: stale data.')).toBe(true);
  });

  it('a reply with a chart is one photo captioned with the whole text when it fits, else the text then an uncaptioned photo', () => {
    const chart = {
      type: 'referendum-chart' as const,
      referendum: 1,
      fileName: 'referendum-1.png',
      chart: {} as ChartAttachment['chart'],
    };
    const links = [{ label: 'Subsquare', url: 'https://kusama.subsquare.io/referenda/1' }];
    const short = renderReply({ ...referenda([row(1, 'p')]), attachments: [chart], links });
    expect(short.messages).toEqual([]);
    expect(short.photo?.caption).toContain('#1 · Medium Spender · deciding');
    expect(short.photo?.caption).toContain('<i>Data as of relay block');
    expect(short.keyboard?.inline_keyboard.at(-1)).toEqual([
      { text: '🔗 Subsquare', url: 'https://kusama.subsquare.io/referenda/1' },
    ]);
    const long = Array.from({ length: 12 }, (_, i) => row(i, `${'A long proposal summary '.repeat(4)}#${i}`));
    const split = renderReply({ ...referenda(long), attachments: [chart] });
    expect(split.messages.length).toBeGreaterThan(0);
    expect(visibleLength(split.messages.join('\n'))).toBeGreaterThan(1024);
    expect(split.photo).toMatchObject({ fileName: 'referendum-1.png', caption: null });
  });

  it("leaves out a button whose command would not fit Telegram's 64 bytes", () => {
    const keyboard = inlineKeyboard([
      { type: 'unsubscribe', subscriptionId: 'r00001', command: '/unsub r00001' },
      { type: 'open-referendum', referendum: 1, command: `/referendum ${'1'.repeat(60)}` },
    ]);
    expect(keyboard?.inline_keyboard).toEqual([
      [{ text: '🗑 Remove r00001', callback_data: '/unsub r00001' }],
    ]);
    expect(inlineKeyboard([])).toBeNull();
  });
});
