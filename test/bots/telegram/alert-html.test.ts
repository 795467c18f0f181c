import { describe, expect, it } from 'vitest';
import {
  alertParts,
  groupAlerts,
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
  it('escapes chain and user text, and renders title, link and footer', () => {
    const [html] = alertParts(
      alert('ref:1:approved', ['Proposal: <script>&nbsp; "x" > y'], {
        title: 'Approved <b>',
        url: 'https://kusama.subsquare.io/referenda/1?a=1&b=2',
        footer: 'data as of relay block 31,562,213',
      }),
    );
    expectValid(html!);
    expect(html).toContain('&lt;script&gt;&amp;nbsp; &quot;x&quot; &gt; y');
    expect(html).toContain('<b>Approved &lt;b&gt;</b>');
    expect(html).toContain('<a href="https://kusama.subsquare.io/referenda/1?a=1&amp;b=2">Details</a>');
    expect(html).toContain('<i>data as of relay block 31,562,213</i>');
  });

  it('drops a link whose scheme Telegram would refuse, keeping the label', () => {
    const [html] = alertParts(alert('a', ['x'], { url: 'javascript:alert(1)' }));
    expect(html).not.toContain('href');
    expectValid(html!);
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
    const parts = alertParts(alert('huge', lines, { url: 'https://herald.example/alerts/huge' }));
    expect(parts).toHaveLength(MAX_PARTS_PER_ALERT);
    for (const p of parts) expectValid(p);
    expect(parts.at(-1)).toContain('<a href="https://herald.example/alerts/huge">Read the rest</a>');
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
