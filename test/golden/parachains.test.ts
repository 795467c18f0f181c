/**
 * The parachain, coretime and crowdloan answers on both platforms and as plain text, pinned:
 * /parachains, /para by id and by name (found, unknown, ambiguous, stalled, lapsed, partial,
 * reserved, leased), /coretime, /crowdloan for an account with each kind of entry, one with none
 * and one in another SS58 form, the biggest picture they must fit, missing data, and bad input,
 * answered from the parachains fixture stored beside the small scenario's snapshot
 * (test/bots/commands/parachains-world.ts). Files: commands/parachains.*.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type ParachainsTable,
  type ParachainsWorld,
  startParachainsWorld,
} from '../bots/commands/parachains-world.js';
import { ALICE_42, BOB, CAROL, DAVE } from '../bots/commands/treasury-fixture.js';
import { expectGolden, json } from './golden-files.js';
import { answer, type Reply, renderDiscord, renderPlain, renderTelegram } from './surfaces.js';

let world: ParachainsWorld;
beforeAll(async () => {
  world = await startParachainsWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const CASES: Array<{ line: string; table?: ParachainsTable }> = [
  { line: '/parachains' },
  { line: '/para 2000' },
  { line: '/para khala network' },
  { line: '/para 2999' },
  { line: '/para 2023' },
  { line: '/para 2007' },
  { line: '/para 2092' },
  { line: '/para 1000' },
  { line: '/para 3000' },
  { line: '/para 3004' },
  { line: '/para 4242' },
  { line: '/para shiden' },
  { line: '/para crust' },
  { line: '/para nowhere' },
  { line: '/coretime' },
  { line: `/crowdloan ${ALICE_42}` },
  { line: `/crowdloan ${BOB}` },
  { line: `/crowdloan ${CAROL}` },
  { line: `/crowdloan ${DAVE}` },
  { line: '/parachains', table: 'big' },
  { line: '/coretime', table: 'big' },
  { line: `/crowdloan ${ALICE_42}`, table: 'big' },
  { line: '/para 2000', table: 'noCoretime' },
  { line: '/coretime', table: 'noCoretime' },
  { line: '/parachains', table: 'missing' },
  { line: '/coretime', table: 'missing' },
  { line: `/crowdloan ${BOB}`, table: 'missing' },
  { line: '/para' },
  { line: '/para -5' },
  { line: '/para 99999999999' },
  { line: '/para <b>' },
  { line: '/crowdloan nonsense' },
  { line: '/crowdloan' },
  { line: '/coretime now' },
];

const label = (c: { line: string; table?: ParachainsTable }) => (c.table ? `${c.line} [${c.table}]` : c.line);
const heading = (text: string) => `=== ${text} ===`;

describe('golden: parachain, coretime and crowdloan answers', () => {
  it('parachains', async () => {
    const answered: Array<{ label: string; reply: Reply }> = [];
    for (const c of CASES)
      answered.push({ label: label(c), reply: await answer(c.line, world.context(c.table)) });
    expectGolden(
      'commands/parachains.txt',
      answered.map((a) => `${heading(a.label)}\n${renderPlain(a.reply)}\n`).join('\n'),
    );
    expectGolden(
      'commands/parachains.telegram.html',
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
      'commands/parachains.discord.json',
      json(answered.map((a) => ({ case: a.label, ...renderDiscord(a.reply) }))),
    );
  });
});
