/**
 * The treasury and bounty answers on both platforms and as plain text, pinned: /treasury, /spends
 * with each filter, /spend in each phase and for unknown indices, /bounties and /bounty for both
 * pallets, and their bad input, answered from the treasury fixture stored beside the small
 * scenario's snapshot (test/bots/commands/treasury-world.ts). Files: commands/treasury.*.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ALICE_42 } from '../bots/commands/treasury-fixture.js';
import {
  startTreasuryWorld,
  type TreasuryTable,
  type TreasuryWorld,
} from '../bots/commands/treasury-world.js';
import { expectGolden, json } from './golden-files.js';
import { answer, type Reply, renderDiscord, renderPlain, renderTelegram } from './surfaces.js';

let world: TreasuryWorld;
beforeAll(async () => {
  world = await startTreasuryWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const CASES: Array<{ line: string; table?: TreasuryTable }> = [
  { line: '/treasury' },
  { line: '/spends' },
  { line: '/spends claimable' },
  { line: '/spends expiring' },
  { line: '/spends failed' },
  { line: `/spends ${ALICE_42}` },
  { line: '/spend 3' },
  { line: '/spend 4' },
  { line: '/spend 5' },
  { line: '/spend 6' },
  { line: '/spend 7' },
  { line: '/spend 8' },
  { line: '/spend 1' },
  { line: '/spend 10' },
  { line: '/bounties' },
  { line: '/bounties all' },
  { line: '/bounties payout' },
  { line: '/bounties', table: 'noMultiAsset' },
  { line: '/bounty 5' },
  { line: '/bounty 6' },
  { line: '/bounty m1' },
  { line: '/bounty m2' },
  { line: '/bounty 3' },
  { line: '/bounty m1', table: 'noMultiAsset' },
  { line: '/treasury', table: 'missing' },
  { line: '/spends paid' },
  { line: '/spend abc' },
  { line: '/bounties open' },
  { line: '/bounty x5' },
];

const label = (c: { line: string; table?: TreasuryTable }) => (c.table ? `${c.line} [${c.table}]` : c.line);
const heading = (text: string) => `=== ${text} ===`;

describe('golden: treasury and bounty answers', () => {
  it('treasury', async () => {
    const answered: Array<{ label: string; reply: Reply }> = [];
    for (const c of CASES)
      answered.push({ label: label(c), reply: await answer(c.line, world.context(c.table)) });
    expectGolden(
      'commands/treasury.txt',
      answered.map((a) => `${heading(a.label)}\n${renderPlain(a.reply)}\n`).join('\n'),
    );
    expectGolden(
      'commands/treasury.telegram.html',
      answered
        .map((a) => {
          const t = renderTelegram(a.reply);
          const out = [heading(a.label)];
          t.messages.forEach((m, i) => {
            out.push(`--- message ${i + 1}/${t.messages.length} ---`, m);
          });
          out.push('--- keyboard ---', JSON.stringify(t.keyboard));
          return `${out.join('\n')}\n`;
        })
        .join('\n'),
    );
    expectGolden(
      'commands/treasury.discord.json',
      json(answered.map((a) => ({ case: a.label, ...renderDiscord(a.reply) }))),
    );
  });
});
