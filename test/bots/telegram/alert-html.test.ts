import { describe, expect, it } from 'vitest';
import {
  alertParts,
  groupAlerts,
  MAX_BUTTONS,
  MAX_MESSAGE_CHARS,
  MAX_PARTS_PER_ALERT,
} from '../../../bots/telegram/alert-html.js';
import { visibleLength } from '../../../bots/telegram/html.js';
import type { NotifierMessage } from '../../../core/ports/notifier.js';
import { htmlProblem } from '../../helpers/fake-telegram.js';

const alert = (id: string, lines: string[], extra: Partial<NotifierMessage> = {}): NotifierMessage => ({
  alertId: id,
  severity: 'warning',
  title: `Referendum ${id}`,
  lines,
  ...extra,
});

function expectValid(html: string) {
  expect(htmlProblem(html)).toBeNull();
  expect(visibleLength(html)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
}

describe('alert HTML', () => {
  it('escapes chain and user text, and renders title and footer with the data time', () => {
    const [html] = alertParts(
      alert('ref:1:approved', ['Proposal: <script>&nbsp; "x" > y'], {
        title: 'Approved <b>',
        footer: 'data as of relay block 31,562,213',
        dataAtMs: Date.UTC(2026, 6, 20, 11, 57, 30),
      }),
    );
    expectValid(html!);
    expect(html).toContain('&lt;script&gt;&amp;nbsp; &quot;x&quot; &gt; y');
    expect(html).toContain('<b>Approved &lt;b&gt;</b>');
    expect(html).toContain('<i>data as of relay block 31,562,213, 2026-07-20 11:57 UTC</i>');
  });

  it('shows a moment in UTC, in the chat zone when it has one, and relative to the send time', () => {
    const end = Date.UTC(2026, 6, 21, 11, 57);
    const timed = (timeZone?: string) =>
      alert('d', ['Ends 2026-07-21 11:57 UTC.'], {
        spans: { title: ['Ends ', { atMs: end }], lines: [['Ends ', { atMs: end }, '.']] },
        ...(timeZone ? { timeZone } : {}),
      });
    const nowMs = Date.UTC(2026, 6, 20, 12, 0);
    expect(alertParts(timed(), { nowMs })[0]).toContain('Ends 2026-07-21 11:57 UTC (in 23h 57m).');
    expect(alertParts(timed('Europe/Berlin'), { nowMs })[0]).toContain(
      'Ends 2026-07-21 11:57 UTC (13:57 Europe/Berlin, in 23h 57m).',
    );
    // A zone whose date differs shows its date; sent later, the relative part says so.
    expect(alertParts(timed('Pacific/Kiritimati'), { nowMs: end + 10 * 60_000 })[0]).toContain(
      'Ends 2026-07-21 11:57 UTC (2026-07-22 01:57 Pacific/Kiritimati, 10m ago).',
    );
    expect(alertParts(timed('America/Los_Angeles'), { nowMs })[0]).toContain(
      '(04:57 America/Los_Angeles, in 23h 57m)',
    );
    // A zone the runtime does not know is left out, never an error.
    expect(alertParts(timed('Mars/Olympus'), { nowMs })[0]).toContain(
      'Ends 2026-07-21 11:57 UTC (in 23h 57m).',
    );
    // The title keeps the plain UTC text: it never goes stale.
    expect(alertParts(timed('Europe/Berlin'), { nowMs })[0]).toContain('<b>Referendum d</b>');
  });

  it("gives a message its alerts' links as URL buttons, each URL once, two to a row", () => {
    const ref = (id: string, n: number) =>
      alert(id, ['x'], {
        links: [
          { label: `Subsquare #${n}`, url: `https://kusama.subsquare.io/referenda/${n}` },
          { label: `Polkassembly #${n}`, url: `https://kusama.polkassembly.io/referenda/${n}` },
          { label: 'bad', url: 'javascript:alert(1)' },
        ],
      });
    const [group] = groupAlerts([ref('a', 1), ref('b', 1), ref('c', 2)]);
    expect(group!.alertIds).toEqual(['a', 'b', 'c']);
    expect(group!.buttons.map((row) => row.map((b) => b.label))).toEqual([
      ['Subsquare #1', 'Polkassembly #1'],
      ['Subsquare #2', 'Polkassembly #2'],
    ]);
  });

  it('starts a new message rather than pass the button cap, so no alert loses its links', () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      alert(`r${i}`, ['x'], {
        links: [
          { label: `Subsquare #${i}`, url: `https://kusama.subsquare.io/referenda/${i}` },
          { label: `Polkassembly #${i}`, url: `https://kusama.polkassembly.io/referenda/${i}` },
        ],
      }),
    );
    const groups = groupAlerts(many);
    for (const g of groups) expect(g.buttons.flat().length).toBeLessThanOrEqual(MAX_BUTTONS);
    expect(groups.flatMap((g) => g.buttons.flat()).length).toBe(18);
    expect(groups.map((g) => g.alertIds.length)).toEqual([6, 3]);
  });

  it('puts several short alerts in one message, a blank line apart, and sends a repeated id once', () => {
    const groups = groupAlerts([alert('a', ['one']), alert('b', ['two']), alert('a', ['again'])]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.alertIds).toEqual(['a', 'b']);
    expect(groups[0]!.parts[0]).toContain('\n\n');
    expect(groups[0]!.parts[0]).not.toContain('again');
  });

  it('starts a new message when the next alert would not fit', () => {
    const line = 'x'.repeat(1500);
    const groups = groupAlerts([alert('a', [line]), alert('b', [line]), alert('c', [line])]);
    expect(groups.map((g) => g.alertIds)).toEqual([['a', 'b'], ['c']]);
    for (const g of groups) for (const p of g.parts) expectValid(p);
  });

  it('splits an alert too long for one message into numbered parts on line boundaries', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i}: validator <${i}> & co ${'·'.repeat(40)}`);
    const groups = groupAlerts([alert('short', ['hi']), alert('long', lines), alert('after', ['bye'])]);
    expect(groups.map((g) => g.alertIds)).toEqual([['short'], ['long'], ['after']]);
    const parts = groups[1]!.parts;
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(MAX_PARTS_PER_ALERT);
    for (const p of parts) expectValid(p);
    expect(parts[1]).toContain(`(2/${parts.length})`);
    const all = parts.join('\n');
    for (let i = 0; i < 120; i++) expect(all).toContain(`Line ${i}: validator &lt;${i}&gt; &amp; co`);
  });

  it('trims an alert beyond the part limit and ends with a link to the rest', () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `Nominator ${i} has unclaimed rewards in era ${9000 + i}`,
    );
    const links = [{ label: 'Subsquare #9', url: 'https://kusama.subsquare.io/referenda/9' }];
    const parts = alertParts(alert('huge', lines, { links }));
    expect(parts).toHaveLength(MAX_PARTS_PER_ALERT);
    for (const p of parts) expectValid(p);
    expect(parts.at(-1)).toContain(
      'the rest is on <a href="https://kusama.subsquare.io/referenda/9">Subsquare #9</a>',
    );
    const withoutUrl = alertParts(alert('huge', lines));
    expect(withoutUrl.at(-1)).toContain('the rest is not shown');
  });

  it('cuts a single line longer than a message without breaking an entity or a surrogate pair', () => {
    const line = `${'&<>'.repeat(1000)}${'🚀'.repeat(3000)}`;
    const parts = alertParts(alert('one-line', [line]));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expectValid(p);
      expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});
