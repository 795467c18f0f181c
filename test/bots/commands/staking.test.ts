import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../bots/commands/index.js';
import { reencodeAddress } from '../../../core/address/parse.js';
import { type CommandHarness, startCommandHarness } from './harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => {
  await h?.close();
});

async function ask(line: string) {
  return answerCommand(line, h.context());
}

describe('/stake', () => {
  it('a nominator: bond from its ledger, targets, earning, and an "alert me" action', async () => {
    const who = h.scenario.fixtures.nominators.allTargetsActive;
    const reply = await ask(`/stake ${who}`);
    if (reply.type !== 'stake') throw new Error(JSON.stringify(reply));
    const ledger = h.scenario.expected.staking.ledgers[who]!;
    expect(reply.view.roles).toContain('nominator');
    expect(reply.view.bond).toMatchObject({ total: ledger.total, active: ledger.active });
    expect(reply.view.nominations?.targets.length).toBe(
      h.scenario.expected.staking.nominators[who]!.targets.length,
    );
    expect(reply.view.earning.thisEra).toBe(true);
    expect(reply.actions).toEqual([
      { type: 'subscribe-address', address: who, command: `/sub address ${who}` },
    ]);
    expect(reply.freshness?.relayBlock).toBe(h.scenario.expected.anchor.relayBlock);
  });

  it('a pool member, written with the Polkadot prefix, is converted and says so', async () => {
    const member = h.scenario.fixtures.pools.member;
    const reply = await ask(`/stake ${reencodeAddress(member, 0)}`);
    if (reply.type !== 'stake') throw new Error(reply.type);
    expect(reply.account).toMatchObject({ address: member, converted: true, inputPrefix: 0 });
    expect(reply.view.pool?.poolId).toBe(h.scenario.fixtures.pools.poolId);
  });

  it('a valid address with no staking gets a zero answer with the unknown-account warning', async () => {
    const reply = await ask('/stake HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F');
    if (reply.type !== 'stake') throw new Error(reply.type);
    expect(reply.view.known).toBe(false);
    expect(reply.view.warnings.map((w) => w.code)).toContain('unknown-account');
  });

  it('refuses an invalid address, and a missing or extra argument', async () => {
    expect(await ask('/stake 5notanaddress')).toMatchObject({
      type: 'error',
      error: { code: 'invalid-address' },
      command: 'stake',
    });
    expect(await ask('/stake')).toMatchObject({
      type: 'error',
      error: { code: 'missing-argument' },
      usage: '/stake <address>',
    });
    const who = h.scenario.fixtures.nominators.allTargetsActive;
    expect(await ask(`/stake ${who} ${who}`)).toMatchObject({ error: { code: 'extra-argument' } });
  });
});

describe('/validator', () => {
  it('an elected validator is active with this era figures', async () => {
    const v = h.scenario.fixtures.validators.elected[1]!;
    const reply = await ask(`/validator ${v}`);
    if (reply.type !== 'validator') throw new Error(reply.type);
    const active = h.scenario.expected.staking.history.at(-1)!;
    expect(reply.view.status).toBe('active');
    expect(reply.view.thisEra?.total).toBe(active.overviews[v]!.total);
    expect(reply.view.commission).toBe(h.scenario.expected.staking.validators[v]!.commission);
  });

  it('the partly claimed validator lists exactly the unclaimed pages of that era', async () => {
    const pc = h.scenario.fixtures.validators.partlyClaimed;
    const reply = await ask(`/validator ${pc.validator}`);
    if (reply.type !== 'validator') throw new Error(reply.type);
    const era = reply.view.unclaimed.eras.find((e) => e.era === pc.era);
    expect(era?.pages).toEqual(pc.unclaimed);
  });

  it('a waiting and a chilled validator', async () => {
    const waiting = await ask(`/validator ${h.scenario.fixtures.validators.waiting[0]}`);
    expect(waiting).toMatchObject({ type: 'validator', view: { status: 'waiting' } });
    const chilled = await ask(`/validator ${h.scenario.fixtures.validators.chilled}`);
    if (chilled.type !== 'validator') throw new Error(chilled.type);
    expect(chilled.view.candidate).toBe(false);
    // Not elected in the window, but bonded and still named by nominators: answered in full.
    const chilledStash = h.scenario.fixtures.validators.chilled;
    expect(chilled.view.bond?.total).toBe(h.scenario.expected.staking.ledgers[chilledStash]!.total);
    expect(chilled.view.nominatedBy).toBe(
      Object.values(h.scenario.expected.staking.nominators).filter((n) => n.targets.includes(chilledStash))
        .length,
    );
    expect(chilled.view.nominatedBy).toBeGreaterThan(0);
  });

  it('refuses bad input like /stake', async () => {
    expect(await ask('/validator 0x12')).toMatchObject({ error: { code: 'invalid-address' } });
    expect(await ask('/validator')).toMatchObject({ error: { code: 'missing-argument' } });
  });
});
