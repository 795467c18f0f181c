import { describe, expect, it } from 'vitest';
import { documentEmbed, linkRows } from '../../../bots/discord/render/index.js';
import { documentHtml } from '../../../bots/telegram/render-reply.js';
import { address, fact, line, type ReplyDocument, section, time } from '../../../bots/text/document.js';
import { accountLabel, shortAddress } from '../../../bots/text/names.js';
import { documentText } from '../../../bots/text/plain.js';
import { callSummary, referendumHeadline } from '../../../bots/text/referendum-doc.js';
import type { AccountNames } from '../../../core/identity/identity-types.js';
import type { ReferendumReply } from '../../../core/reply/reply-types.js';

const VERIFIED = 'EXd2LJyKL1ofGsaJnx1vHvUY5cxt2repy842WxrHqdE7WVd';
const PLAIN = 'Gmsh15d3GfVeMHgJLo5AUPpa6pgoq2cfDS4zJG7rj9m4qq1';
const SUB = 'Ep5cTis6YNoaQJGh7caNFcTxG45wC6WNfXqbVMnkdVNjNB4';
const NAMELESS = 'E3ERS1nwaRx2ebvHZReUkRhpwrakuiz6m3aXqvX9GiK9X6c';

const names: AccountNames = {
  [VERIFIED]: { display: 'Alice <b>&', verified: true, sub: null },
  [PLAIN]: { display: 'bob_*the*_[builder]', verified: false, sub: null },
  [SUB]: { display: 'Parent', verified: true, sub: 'child' },
};

const NOW = Date.UTC(2026, 6, 16, 14, 30);

function doc(): ReplyDocument {
  return {
    title: ['Staking of ', address(VERIFIED)],
    tone: 'staking',
    subtitle: [],
    sections: [
      section(null, [fact('Bonded', '750 KSM'), fact('Expected', time(NOW + 3 * 3_600_000))]),
      section('Nominations (3 targets)', [
        line(address(PLAIN), ' · waiting'),
        line(address(SUB), ' · active'),
        line(address(NAMELESS), ' · blocked'),
      ]),
    ],
    warnings: [line('Rewards go to no one.')],
    notes: [line('How this is computed: /help apy')],
    links: [{ label: 'Subscan', url: 'https://assethub-kusama.subscan.io/account/x' }],
    actions: [],
    attachments: [],
    names,
    nowMs: NOW,
    timeZone: null,
    stale: null,
    footer: 'Data as of relay block #1.',
  };
}

describe('names', () => {
  it('shows a name with its verified mark and the short address, a sub-identity as Parent/child, else the bare address', () => {
    expect(shortAddress(VERIFIED)).toBe('EXd2LJ…7WVd');
    expect(accountLabel(VERIFIED, names)).toBe('Alice <b>& ✓ (EXd2LJ…7WVd)');
    expect(accountLabel(PLAIN, names)).toBe('bob_*the*_[builder] (Gmsh15…4qq1)');
    expect(accountLabel(SUB, names)).toBe('Parent/child ✓ (Ep5cTi…jNB4)');
    expect(accountLabel(NAMELESS, names)).toBe(NAMELESS);
    expect(accountLabel(NAMELESS, names, false)).toBe('E3ERS1…9X6c');
    expect(accountLabel(NAMELESS, undefined)).toBe(NAMELESS);
  });

  it('never leaves a whole address in a decoded call summary', () => {
    const text = `balances.transfer 5 KSM to ${NAMELESS} and ${VERIFIED}`;
    expect(callSummary(text, names)).toBe(
      `balances.transfer 5 KSM to ${shortAddress(NAMELESS)} and Alice <b>& ✓ (${shortAddress(VERIFIED)})`,
    );
  });
});

describe('referendum headline', () => {
  const reply = (extra: Partial<ReferendumReply>) =>
    ({
      id: 24,
      track: { id: 0, displayName: 'Root' },
      proposal: `balances.transfer to ${NAMELESS}`,
      names,
      ...extra,
    }) as ReferendumReply;

  it('uses the title when there is one, the proposal line otherwise', () => {
    expect(
      referendumHeadline(reply({ title: { text: 'Upgrade the runtime', source: 'subsquare' } })),
    ).toEqual({
      title: ['Referendum #24 · Root (track 0) — Upgrade the runtime'],
      proposal: [],
    });
    expect(referendumHeadline(reply({}))).toEqual({
      title: ['Referendum #24 · Root (track 0)'],
      proposal: [{ label: 'Proposal', spans: [`balances.transfer to ${shortAddress(NAMELESS)}`] }],
    });
  });

  it('shows addresses in a decoded call title by name or short form', () => {
    const title = { text: `treasury.spend 5 KSM to ${VERIFIED}`, source: 'call' as const };
    expect(referendumHeadline(reply({ title })).title).toEqual([
      `Referendum #24 · Root (track 0) — treasury.spend 5 KSM to Alice <b>& ✓ (${shortAddress(VERIFIED)})`,
    ]);
  });
});

describe('one document, three formatters', () => {
  it('plain text: labels, times absolute then relative, titled blocks, warnings, notes, links', () => {
    expect(documentText(doc())).toBe(
      [
        'Staking of Alice <b>& ✓ (EXd2LJ…7WVd)',
        'Bonded: 750 KSM',
        'Expected: 2026-07-16 17:30 UTC (in 3h)',
        'Nominations (3 targets):',
        `  bob_*the*_[builder] (${shortAddress(PLAIN)}) · waiting`,
        `  Parent/child ✓ (${shortAddress(SUB)}) · active`,
        `  ${NAMELESS} · blocked`,
        '! Rewards go to no one.',
        'How this is computed: /help apy',
        'Links: Subscan https://assethub-kusama.subscan.io/account/x',
        '',
        'Data as of relay block #1.',
      ].join('\n'),
    );
  });

  it('Telegram: names escaped for HTML, bare addresses tappable, the same words', () => {
    const html = documentHtml(doc());
    expect(html[0]).toBe('<b>Staking of Alice &lt;b&gt;&amp; ✓ (EXd2LJ…7WVd)</b>');
    expect(html).toContain(`• <code>${NAMELESS}</code> · blocked`);
    expect(html).toContain('Expected: 2026-07-16 17:30 UTC (in 3h)');
    expect(html).toContain('⚠️ Rewards go to no one.');
    expect(html.join('\n')).not.toContain('<b>&');
  });

  it('Discord: names escaped for Markdown, times as <t:…> markers, blocks as fields, links as link buttons', () => {
    const embed = documentEmbed(doc());
    const seconds = Math.floor((NOW + 3 * 3_600_000) / 1000);
    expect(embed.description).toContain(`**Expected:** <t:${seconds}:f> (<t:${seconds}:R>)`);
    expect(embed.fields?.[0]?.name).toBe('Nominations (3 targets)');
    expect(embed.fields?.[0]?.value).toContain(
      `bob\\_\\*the\\*\\_\\[builder\\] (\`${shortAddress(PLAIN)}\`) · waiting`,
    );
    expect(embed.fields?.[0]?.value).toContain(`\`${NAMELESS}\` · blocked`);
    expect(embed.footer?.text).toBe('Data as of relay block #1.');
    expect(linkRows(doc().links)).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 5, label: 'Subscan', url: 'https://assethub-kusama.subscan.io/account/x' },
        ],
      },
    ]);
    expect(linkRows([{ label: 'bad', url: 'javascript:alert(1)' }])).toEqual([]);
  });
});
