/**
 * /parachains, /para, /coretime and /crowdloan answered from a dynalite store seeded with the
 * parachains fixture beside the small scenario's snapshot: the reply intents against the fixture's
 * values (prices and deadlines recomputed here from pallet_broker's rules), names from the table
 * and from identities, every kind of miss, bad input and missing data, the reads each answer makes,
 * and the largest picture fitting both platforms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../../bots/commands/frame.js';
import { answerCommand } from '../../../bots/commands/index.js';
import { parachainsReplyOf } from '../../../bots/commands/parachains/handler.js';
import { clampEmbed, EMBED_LIMITS, embedLength } from '../../../bots/discord/limits.js';
import { renderReply as renderDiscord } from '../../../bots/discord/render/index.js';
import { visibleLength } from '../../../bots/telegram/html.js';
import { renderReply as renderTelegram } from '../../../bots/telegram/render-reply.js';
import { renderText } from '../../../bots/text/index.js';
import type {
  CoretimeReply,
  CrowdloanReply,
  ParachainsReply,
  ParaReply,
} from '../../../core/reply/parachain-replies.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { DAY, FULL, HOUR, PERIOD, parachainsFixture } from './parachains-fixture.js';
import { type ParachainsTable, type ParachainsWorld, startParachainsWorld } from './parachains-world.js';
import { ALICE, ALICE_42, BOB, CAROL, DAVE, ksm } from './treasury-fixture.js';

let world: ParachainsWorld;
let NOW: number;
beforeAll(async () => {
  world = await startParachainsWorld();
  NOW = world.fixture.now;
}, 120_000);
afterAll(async () => {
  await world?.close();
});

async function ask<T extends Reply>(
  line: string,
  type: T['type'],
  table: ParachainsTable = 'main',
): Promise<T> {
  const reply = await answerCommand(line, world.context(table));
  if (reply.type !== type) throw new Error(`${line}: expected ${type}, got ${renderText(reply)}`);
  return reply as T;
}

async function refused(line: string, code: string, table: ParachainsTable = 'main'): Promise<string> {
  const reply = await answerCommand(line, world.context(table));
  expect(reply.type, line).toBe('error');
  if (reply.type !== 'error') return '';
  expect(reply.error.code, line).toBe(code);
  return reply.error.message;
}

const found = (r: ParaReply) => {
  if (r.result.type !== 'found') throw new Error(`no para: ${r.result.type}`);
  return r.result.details;
};

describe('/parachains', () => {
  it('lists the live paras with names and cores, the onboarding and offboarding ones, and counts the rest', async () => {
    const r = await ask<ParachainsReply>('/parachains', 'parachains');
    expect(r.relayBlock).toBe(NOW);
    expect(r.live.map((p) => [p.para.id, p.para.name, p.cores])).toEqual([
      [1000, 'Asset Hub', [0]],
      [1001, 'Encointer Network', [1]],
      [2000, 'Karura', [3]],
      [2004, 'Khala Network', [4]],
      // A parathread with a core assigned runs: it is live.
      [2007, 'Shiden', [9]],
      [2023, 'Moonriver', [7]],
      [2999, null, [5]],
    ]);
    expect(r.liveTotal).toBe(7);
    expect(r.onboarding).toEqual([{ id: 3000, name: null }]);
    expect(r.offboarding).toEqual([{ para: { id: 3001, name: null }, lifecycle: 'OffboardingParachain' }]);
    // 2092 is a parathread without a core; 2007 is live, so not counted again.
    expect(r.counts).toEqual({ parathreads: 1, upgrading: 1, downgrading: 1, registeredOnly: 1 });
  });

  it('counts cores in use (a para assigned), on the pool only, and idle up to the configured number', async () => {
    const r = await ask<ParachainsReply>('/parachains', 'parachains');
    // Cores 0, 1, 3, 4, 5, 7 and 9 (shared with the pool) run a para; core 2 only the pool;
    // core 10 has nothing, cores 6, 8 and 11 no descriptor.
    expect(r.cores).toEqual({ total: 12, inUse: 7, pool: 1, idle: 4 });
    const text = renderText(r);
    expect(text).toContain('para 2999 · core 5');
    expect(text).toContain('Free: 4');
  });

  it('a parathread holding coretime on the Coretime chain but no relay core yet is live', () => {
    const f = parachainsFixture(NOW);
    f.entity.coretime!.workload.push({
      core: 11,
      items: [{ mask: FULL, assignment: { type: 'task', para: 2092 } }],
    });
    const frame = {
      pointer: { version: 1, committedAt: 0 },
      status: null,
      freshness: null,
    } as unknown as Frame;
    const r = parachainsReplyOf(f.entity.relay!, frame, f.entity.coretime);
    expect(r.live.find((p) => p.para.id === 2092)).toEqual({
      para: { id: 2092, name: 'Kintsugi BTC' },
      lifecycle: 'Parathread',
      cores: [],
    });
    expect(r.counts.parathreads).toBe(0);
    expect(parachainsReplyOf(f.entity.relay!, frame).live.some((p) => p.para.id === 2092)).toBe(false);
  });

  it('reads the parachains entity only', async () => {
    const reads: string[] = [];
    await answerCommand('/parachains', world.context('main', reads));
    expect(reads.filter((r) => !r.startsWith('status/'))).toEqual(['parachains/current']);
  });
});

describe('/para', () => {
  it('a para by id: lifecycle, manager with its name, deposit, lock, cores, renewal due with deadline and price, head', async () => {
    const r = await ask<ParaReply>('/para 2000', 'para');
    const d = found(r);
    const { sale } = world.fixture;
    expect(d.para).toEqual({ id: 2000, name: 'Karura' });
    expect([d.lifecycle, d.manager, d.deposit, d.locked]).toEqual(['Parachain', ALICE, ksm(100), true]);
    expect(r.names?.[ALICE]?.display).toBe('Alice');
    expect(d.relayCores).toEqual([
      {
        core: 3,
        parts: 57_600,
        endsAt: {
          block: sale.regionBegin * PERIOD,
          atMs: world.chainTimeMs + (sale.regionBegin * PERIOD - NOW) * 6_000,
        },
      },
    ]);
    expect(d.coretime?.now).toEqual([{ core: 3, bits: 80 }]);
    // Renewable in this sale until it rotates: regionBegin × 80 − advanceNotice (10).
    const deadline = sale.regionBegin * PERIOD - 10;
    expect(d.renewals).toEqual([
      {
        core: 3,
        when: {
          timeslice: sale.regionBegin,
          at: { block: sale.regionBegin * PERIOD, atMs: expect.any(Number) },
        },
        price: ksm(3.2),
        state: 'due',
        deadline: { block: deadline, atMs: world.chainTimeMs + (deadline - NOW) * 6_000 },
      },
    ]);
    expect(d.heldUntil?.timeslice).toBe(sale.regionBegin);
    expect(d.autoRenew).toBeNull();
    expect(d.head).toEqual({ hash: `0x${'07d0'.repeat(16)}`, number: 1_002_000 });
    expect([d.headRelayBlock?.block, d.headAgeBlocks]).toEqual([NOW - 2, 2]);
    expect(renderText(r)).toContain('must renew in this sale for 3.2 KSM before relay block');
  });

  it('a name, any letter case, or an unambiguous beginning of one', async () => {
    for (const line of ['/para khala network', '/para KHALA', '/para Khala Net'])
      expect(found(await ask<ParaReply>(line, 'para')).para.id, line).toBe(2004);
    // "Shiden" is also the beginning of "Shiden Crowdloan 2": the exact name wins.
    expect(found(await ask<ParaReply>('/para shiden', 'para')).para.id).toBe(2007);
  });

  it('an ambiguous name lists the candidates; an unknown name or id says so', async () => {
    const ambiguous = await ask<ParaReply>('/para crust', 'para');
    expect(ambiguous.result).toEqual({
      type: 'ambiguous',
      text: 'crust',
      candidates: [
        { id: 2012, name: 'Crust Shadow' },
        { id: 2225, name: 'Crust Shadow 2' },
      ],
    });
    expect(renderText(ambiguous)).toContain('Crust Shadow (2012), Crust Shadow 2 (2225)');
    expect((await ask<ParaReply>('/para nowhere', 'para')).result).toEqual({
      type: 'unknown-name',
      text: 'nowhere',
    });
    // Karura's name is known, but a para id not registered and holding no coretime is unknown.
    expect((await ask<ParaReply>('/para 4242', 'para')).result).toEqual({ type: 'unknown-id', id: 4242 });
    // A named para not on chain (Bifrost in the table, not in the fixture).
    expect((await ask<ParaReply>('/para bifrost', 'para')).result).toEqual({ type: 'unknown-id', id: 2001 });
  });

  it('a para not in the name table shows its id, and a stalled head its age', async () => {
    const r = await ask<ParaReply>('/para 2999', 'para');
    const d = found(r);
    expect(d.para).toEqual({ id: 2999, name: null });
    expect(d.headAgeBlocks).toBe(3 * HOUR);
    const text = renderText(r);
    expect(text.split('\n')[0]).toBe('para 2999');
    expect(text).toContain('Advanced: 3 hours ago');
  });

  it('renewed with auto-renew, lapsed, partial, reserved and leased paras', async () => {
    const { sale } = world.fixture;
    const moonriver = found(await ask<ParaReply>('/para 2023', 'para'));
    expect(moonriver.renewals.map((r) => [r.state, r.when.timeslice, r.price])).toEqual([
      ['renewed', sale.regionEnd, ksm(3.3)],
    ]);
    expect(moonriver.autoRenew?.timeslice).toBe(sale.regionEnd);
    expect(moonriver.heldUntil?.timeslice).toBe(sale.regionEnd);
    const kintsugi = found(await ask<ParaReply>('/para 2092', 'para'));
    expect(kintsugi.renewals.map((r) => [r.core, r.state, r.deadline])).toEqual([[11, 'lapsed', null]]);
    expect(kintsugi.relayCores).toEqual([]);
    expect(kintsugi.headAgeBlocks).toBe(40 * DAY);
    const shiden = await ask<ParaReply>('/para 2007', 'para');
    expect(found(shiden).renewals.map((r) => [r.core, r.state])).toEqual([[9, 'partial']]);
    expect(found(shiden).relayCores.map((c) => c.parts)).toEqual([28_800]);
    expect(renderText(shiden)).toContain('cannot be renewed');
    const assetHub = found(await ask<ParaReply>('/para 1000', 'para'));
    expect([assetHub.coretime?.reserved, assetHub.heldUntil, assetHub.renewals]).toEqual([true, null, []]);
    const khala = found(await ask<ParaReply>('/para 2004', 'para'));
    expect(khala.lease?.timeslice).toBe(sale.regionEnd + 5_040);
    expect(khala.heldUntil?.timeslice).toBe(sale.regionEnd + 5_040);
  });

  it('without the Coretime chain it still answers from the relay chain', async () => {
    const d = found(await ask<ParaReply>('/para 2000', 'para', 'noCoretime'));
    expect([d.coretime, d.renewals, d.relayCores.length]).toEqual([null, [], 1]);
  });

  it('bad input is refused clearly', async () => {
    expect(await refused('/para', 'missing-argument')).toContain('needs a para id or name');
    expect(await refused('/para -5', 'invalid-para')).toContain('whole numbers');
    expect(await refused('/para 1.5', 'invalid-para')).toContain('whole numbers');
    expect(await refused('/para 99999999999', 'invalid-para')).toContain('larger than any para id');
    expect(await refused('/para <b>', 'invalid-para')).toContain('not a para id or a para name');
    expect(await refused(`/para ${'a'.repeat(41)}`, 'invalid-para')).toContain('up to 40 characters');
  });
});

describe('/coretime', () => {
  it('the sale in its lead-in: the price now exactly as the pallet computes it, where it goes and when', async () => {
    const r = await ask<CoretimeReply>('/coretime', 'coretime');
    const { sale } = world.fixture;
    const s = r.sale!;
    expect(s.phase).toBe('leadin');
    // A day into a 7-day lead-in: through = 1/7 in FixedU64 (rounded down), factor = 100 − 180 × through.
    const through = 1_000_000_000n / 7n;
    const factor = 100n * 1_000_000_000n - 180n * through;
    expect(s.priceNow).toBe((factor * ksm(5)) / 1_000_000_000n);
    expect(s.priceNow).toBe(371_428_572_200_000n);
    expect(s.endPrice).toBe(ksm(5));
    expect(s.leadinEnd.block).toBe(NOW - DAY + 7 * DAY);
    expect(s.saleEnd.block).toBe(sale.regionBegin * PERIOD - 10);
    expect([s.coresOffered, s.coresSold, s.coresAvailable]).toEqual([10, 3, 7]);
    expect([s.regionBegin.timeslice, s.regionEnd.timeslice]).toEqual([sale.regionBegin, sale.regionEnd]);
    expect(s.regionBegin.at.block).toBe(sale.regionBegin * PERIOD);
  });

  it('the due renewals soonest first with names and prices, the renewed and lapsed counted, the on-demand price', async () => {
    const r = await ask<CoretimeReply>('/coretime', 'coretime');
    const deadline = world.fixture.sale.regionBegin * PERIOD - 10;
    expect(r.renewalsDue.map((d) => [d.core, d.paras, d.price, d.deadline.block])).toEqual([
      [3, [{ id: 2000, name: 'Karura' }], ksm(3.2), deadline],
      [5, [{ id: 2999, name: null }], ksm(2.9), deadline],
    ]);
    expect([r.renewedCount, r.lapsedCount, r.renewalsDueOmitted]).toEqual([1, 1, 0]);
    // traffic 1.5 × base fee 0.01 KSM.
    expect(r.onDemand).toEqual({
      spotPrice: 15_000_000_000n,
      traffic: 1_500_000_000_000_000_000n,
      baseFee: 10_000_000_000n,
      queued: 2,
      maxQueueSize: 500,
    });
    const text = renderText(r);
    expect(text).toContain('Price now: 371.4286 KSM');
    expect(text).toContain('Spot price: 0.015 KSM');
  });

  it('says what is missing when the Coretime chain was not read', async () => {
    expect(await refused('/coretime', 'no-snapshot', 'noCoretime')).toContain('no Coretime chain data');
    expect(await refused('/coretime', 'no-snapshot', 'missing')).toContain('no Coretime chain data');
    expect(await refused('/parachains', 'no-snapshot', 'missing')).toContain('no relay chain parachain data');
    expect(await refused('/coretime now', 'extra-argument')).toContain('takes no arguments');
  });
});

describe('/crowdloan', () => {
  it('contributions and deposits with when each can be withdrawn, the totals and the calls', async () => {
    const r = await ask<CrowdloanReply>(`/crowdloan ${ALICE}`, 'crowdloan');
    expect(r.account.address).toBe(ALICE);
    expect(r.contributions.map((c) => [c.para.id, c.amount, c.block.block, c.withdrawable, c.call])).toEqual([
      [
        2000,
        ksm(150),
        NOW - 2 * DAY,
        true,
        { call: 'ahOps.withdrawCrowdloanContribution', args: [NOW - 2 * DAY, ALICE, 2000] },
      ],
      [
        2023,
        ksm(20.5),
        NOW + 3 * DAY,
        false,
        { call: 'ahOps.withdrawCrowdloanContribution', args: [NOW + 3 * DAY, ALICE, 2023] },
      ],
    ]);
    expect(r.contributions[1]!.block.atMs).toBe(world.chainTimeMs + 3 * DAY * 6_000);
    // The crowdloan deposit waits for both contributions of its crowdloan (Alice's and Bob's).
    expect(
      r.deposits.map((d) => [d.kind, d.para.id, d.amount, d.withdrawable, d.contributionsLeft, d.call]),
    ).toEqual([
      ['crowdloan', 2000, ksm(5), false, 2, null],
      [
        'lease',
        2004,
        ksm(100),
        true,
        0,
        { call: 'ahOps.unreserveLeaseDeposit', args: [NOW - DAY, ALICE, 2004] },
      ],
    ]);
    expect(r.totals).toEqual({ amount: ksm(275.5), withdrawableNow: ksm(250), count: 4 });
    const text = renderText(r);
    expect(text).toContain(`ahOps.withdrawCrowdloanContribution(${NOW - 2 * DAY}, ${ALICE}, 2000)`);
    expect(text).toContain('waits until its 2 contributions are withdrawn');
    expect(text).not.toContain(`ahOps.withdrawCrowdloanContribution(${NOW + 3 * DAY}`);
  });

  it('any SS58 form is accepted and shown in the Kusama form', async () => {
    const r = await ask<CrowdloanReply>(`/crowdloan ${ALICE_42}`, 'crowdloan');
    expect([r.account.address, r.account.converted, r.account.inputPrefix]).toEqual([ALICE, true, 42]);
    expect(r.totals.count).toBe(4);
    expect(renderText(r)).toContain('converted from SS58 prefix 42');
  });

  it('a crowdloan deposit with no contribution left can be unreserved; an address with none is told so', async () => {
    const carol = await ask<CrowdloanReply>(`/crowdloan ${CAROL}`, 'crowdloan');
    expect(carol.deposits.map((d) => [d.withdrawable, d.call?.call])).toEqual([
      [true, 'ahOps.unreserveCrowdloanReserve'],
    ]);
    const bob = await ask<CrowdloanReply>(`/crowdloan ${BOB}`, 'crowdloan');
    expect(bob.totals).toEqual({ amount: ksm(10), withdrawableNow: ksm(10), count: 1 });
    const dave = await ask<CrowdloanReply>(`/crowdloan ${DAVE}`, 'crowdloan');
    expect(dave.totals.count).toBe(0);
    expect(renderText(dave)).toContain('Nothing waiting on Asset Hub for this address');
  });

  it('reads the account, and the index only to count what a crowdloan deposit waits on', async () => {
    const reads: string[] = [];
    await answerCommand(`/crowdloan ${BOB}`, world.context('main', reads));
    expect(reads.filter((r) => !r.startsWith('status/'))).toEqual([`crowdloan/${BOB}`]);
    reads.length = 0;
    await answerCommand(`/crowdloan ${ALICE}`, world.context('main', reads));
    expect(reads.filter((r) => !r.startsWith('status/') && !r.startsWith('identity/'))).toEqual([
      `crowdloan/${ALICE}`,
      'index/crowdloans',
    ]);
  });

  it('bad input and missing data', async () => {
    expect(await refused('/crowdloan nonsense', 'invalid-address')).toContain('not a valid address');
    expect(await refused('/crowdloan', 'missing-argument')).toContain('needs an address');
    expect(await refused(`/crowdloan ${ALICE} ${BOB}`, 'extra-argument')).toContain('is extra');
    expect(await refused(`/crowdloan ${BOB}`, 'no-snapshot', 'missing')).toContain('no crowdloan data');
  });
});

function within(reply: Reply): void {
  const embed = renderDiscord(reply).embeds[0]!;
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1_024);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  expect(clampEmbed(embed)).toEqual(embed);
  const telegram = renderTelegram(reply);
  // Telegram counts the text it shows, not the HTML tags.
  for (const m of telegram.messages) expect(visibleLength(m)).toBeLessThanOrEqual(4_096);
  expect(telegram.messages.length).toBeLessThanOrEqual(2);
}

describe('the largest answers fit both platforms and say how many more there are', () => {
  it('/parachains', async () => {
    const r = await ask<ParachainsReply>('/parachains', 'parachains', 'big');
    expect([r.liveTotal, r.live.length, r.liveOmitted]).toEqual([67, 25, 42]);
    within(r);
    expect(renderText(r)).toContain('… and 42 more');
  });

  it('/coretime', async () => {
    const r = await ask<CoretimeReply>('/coretime', 'coretime', 'big');
    expect([r.renewalsDue.length, r.renewalsDueOmitted]).toEqual([10, 22]);
    within(r);
  });

  it('/crowdloan', async () => {
    const r = await ask<CrowdloanReply>(`/crowdloan ${ALICE}`, 'crowdloan', 'big');
    expect([r.contributions.length, r.contributionsOmitted, r.totals.count]).toEqual([10, 17, 29]);
    within(r);
  });

  it('/para and /help', async () => {
    within(await ask<ParaReply>('/para 2000', 'para', 'big'));
    within(await ask('/help', 'help', 'big'));
  });
});

describe("the small scenario's own parachains", () => {
  it('each named case stands as the scenario built it', async () => {
    const cases = world.scenario.fixtures.parachainCases;
    const para = async (id: number) => found(await ask<ParaReply>(`/para ${id}`, 'para', 'scenario'));
    const states = async (id: number) => (await para(id)).renewals.map((r) => [r.core, r.state]);
    expect(await states(cases.due.para)).toEqual([[cases.due.core, 'due']]);
    expect(await states(cases.renewed.para)).toEqual([[cases.renewed.core, 'renewed']]);
    expect(await states(cases.partial.para)).toEqual([[cases.partial.core, 'partial']]);
    expect(await states(cases.lapsed.para)).toEqual([[cases.lapsed.core, 'lapsed']]);
    expect((await para(cases.autoRenewal.para)).autoRenew).not.toBeNull();
    expect((await para(cases.leased.para)).lease?.timeslice).toBe(cases.leased.until);
    const stalled = await para(cases.stalled.para);
    expect(stalled.headRelayBlock?.block).toBe(cases.stalled.headRelayBlock);
    expect(stalled.headAgeBlocks).toBe(NOW - cases.stalled.headRelayBlock);
    const all = await ask<ParachainsReply>('/parachains', 'parachains', 'scenario');
    expect(all.onboarding.map((p) => p.id)).toEqual(cases.lifecycles.Onboarding);
    expect(all.offboarding.map((p) => p.para.id).sort()).toEqual(
      [...cases.lifecycles.OffboardingParachain, ...cases.lifecycles.OffboardingParathread].sort(),
    );
  });

  it('the contributor, the emptied fund and an address with nothing waiting', async () => {
    const cases = world.scenario.fixtures.parachainCases;
    const contributor = await ask<CrowdloanReply>(`/crowdloan ${cases.contributor}`, 'crowdloan', 'scenario');
    expect(contributor.contributions.length).toBeGreaterThan(0);
    const fund = await ask<CrowdloanReply>(
      `/crowdloan ${cases.emptiedFund.depositor}`,
      'crowdloan',
      'scenario',
    );
    const deposit = fund.deposits.find(
      (d) => d.kind === 'crowdloan' && d.para.id === cases.emptiedFund.para,
    )!;
    expect([deposit.contributionsLeft, deposit.block.block, deposit.call?.call]).toEqual([
      0,
      cases.emptiedFund.block,
      'ahOps.unreserveCrowdloanReserve',
    ]);
    const none = await ask<CrowdloanReply>(`/crowdloan ${cases.noContributions}`, 'crowdloan', 'scenario');
    expect(none.totals.count).toBe(0);
  });
});
