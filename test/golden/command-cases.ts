/**
 * The command lines the golden test answers, in groups (one set of files per group). Each group
 * plays its lines in a fixed order; groups that write (subscriptions, alert settings, /missed)
 * use a chat of their own, so what one group stores never shows in another's answers.
 */
import { scenarioTitles } from '../../dev/scenario/titles.js';
import type { AlertFacts, AlertRecordStore, GoldenWorld, Reply, Target, WorldTable } from './surfaces.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** The snapshot is committed this long after its chain time… */
export const COMMIT_DELAY_MS = 2 * MIN;
/** …and commands are answered this long after the commit. */
export const ANSWER_AFTER_COMMIT_MS = 90_000;

export interface Step {
  line: unknown;
  /** How the case is named in the files when the line itself is unwieldy. */
  label?: string;
  /** The caller; the group's chat when absent. */
  caller?: Target | null;
  /** Milliseconds after the commit the command is answered at (default ANSWER_AFTER_COMMIT_MS). */
  afterCommitMs?: number;
  table?: WorldTable;
}

export type Run = (step: Step | string) => Promise<Reply>;

export interface CommandGroup {
  name: string;
  /** The chat the group's commands come from. */
  caller: Target;
  play(run: Run, world: GoldenWorld): Promise<void>;
}

const telegramChat = (id: string): Target => ({ platform: 'telegram', kind: 'chat', id, createdBy: '4242' });
const DISCORD_DM: Target = {
  platform: 'discord',
  kind: 'dm',
  id: '310000000000000001',
  createdBy: '310000000000000001',
};
const TELEGRAM_DM: Target = { platform: 'telegram', kind: 'dm', id: '4243', createdBy: '4243' };
const DISCORD_CHANNEL: Target = {
  platform: 'discord',
  kind: 'channel',
  id: '320000000000000002',
  createdBy: '310000000000000001',
};

/** A valid Kusama address that holds nothing in the scenario (the grammar's example). */
const UNKNOWN_ADDRESS = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
/** Valid SS58 of other networks: Polkadot (prefix 0) and generic Substrate (prefix 42, Alice). */
const POLKADOT_ADDRESS = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
const SUBSTRATE_ADDRESS = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

function idOf(reply: Reply): string {
  if (reply.type !== 'subscribed') throw new Error(`expected a subscription, got ${reply.type}`);
  return reply.subscription.id;
}

const staking: CommandGroup = {
  name: 'stake',
  caller: telegramChat('-1001000000001'),
  async play(run, { scenario }) {
    const f = scenario.fixtures;
    for (const address of [
      f.nominators.allTargetsActive,
      f.nominators.noTargetsActive,
      f.nominators.notExposed,
      f.nominators.onLaterPage.nominator,
      f.controllerNotStash.stash,
      f.controllerNotStash.controller,
      f.ledgers.withdrawableChunk,
      f.ledgers.lockedChunk,
      f.pools.member,
      f.pools.unbondingMember,
      f.pools.depositor,
      f.validators.elected[0]!,
      UNKNOWN_ADDRESS,
    ])
      await run(`/stake ${address}`);
    await run(`/STAKE   ${f.nominators.allTargetsActive}  `);
    await run('/stake');
    await run('/stake notanaddress');
    await run(`/stake ${f.nominators.allTargetsActive.slice(0, -1)}x`);
    await run(`/stake ${POLKADOT_ADDRESS}`);
    await run(`/stake ${SUBSTRATE_ADDRESS}`);
    await run(`/stake ${f.nominators.allTargetsActive} ${f.pools.member}`);
    await run('/stake 0x1234');
  },
};

const validator: CommandGroup = {
  name: 'validator',
  caller: telegramChat('-1001000000002'),
  async play(run, { scenario }) {
    const v = scenario.fixtures.validators;
    for (const address of [
      v.elected[0]!,
      v.elected[v.elected.length - 1]!,
      v.partlyClaimed.validator,
      v.waiting[1] ?? v.waiting[0]!,
      v.blocked,
      v.chilled,
      scenario.fixtures.nominators.allTargetsActive,
      UNKNOWN_ADDRESS,
    ])
      await run(`/validator ${address}`);
    await run('/validator');
    await run('/validator nope');
    await run(`/validator ${POLKADOT_ADDRESS}`);
    await run(`/validator ${v.elected[0]} extra`);
  },
};

const eraStatusTracks: CommandGroup = {
  name: 'era-status-tracks',
  caller: telegramChat('-1001000000003'),
  async play(run) {
    await run('/era');
    await run('/era 5');
    await run('/tracks');
    await run('/tracks root');
    await run('/status');
    await run('/status@HeraldBot');
    await run('/status now');
    await run({
      line: '/status',
      label: '/status (answered 40 min after the commit: stale)',
      afterCommitMs: 40 * MIN,
    });
    await run({
      line: '/era',
      label: '/era (answered 40 min after the commit: stale)',
      afterCommitMs: 40 * MIN,
    });
    await run({ line: '/status', label: '/status (no snapshot yet)', table: 'empty' });
    await run({ line: '/era', label: '/era (no snapshot yet)', table: 'empty' });
    await run({ line: '/help', label: '/help (no snapshot yet)', table: 'empty' });
    await run({ line: '/status', label: '/status (store unreachable)', table: 'broken' });
    await run({ line: '/help', label: '/help (store unreachable)', table: 'broken' });
    await run({ line: '/stak', label: '/stak (store unreachable)', table: 'broken' });
  },
};

const referenda: CommandGroup = {
  name: 'referenda',
  caller: telegramChat('-1001000000004'),
  async play(run) {
    for (const line of [
      '/referenda',
      '/referenda ongoing',
      '/referenda preparing',
      '/referenda queued',
      '/referenda deciding',
      '/referenda confirming',
      '/referenda ended',
      '/referenda approved',
      '/referenda rejected',
      '/referenda cancelled',
      '/referenda timedout',
      '/referenda killed',
      '/referenda all',
      '/referenda all page 2',
      '/referenda all page 4',
      '/referenda page 2',
      '/referenda all page 9',
      '/referenda page 0',
      '/referenda page -1',
      '/referenda page two',
      '/referenda page',
      '/referenda page 1001',
      '/referenda treasurer',
      '/referenda small_spender deciding',
      '/referenda Small Spender',
      '/referenda 30 page 2',
      '/referenda 0 all',
      '/referenda nosuchtrack',
      '/referenda 999',
      '/referenda deciding confirming',
      '/referenda all all all all all all all all all all all all all',
    ])
      await run(line);
  },
};

const referendum: CommandGroup = {
  name: 'referendum',
  caller: telegramChat('-1001000000005'),
  async play(run, { scenario }) {
    const r = scenario.fixtures.referenda;
    const phases = [
      'preparing',
      'queued',
      'deciding',
      'confirming',
      'approved',
      'rejected',
      'timedOut',
      'cancelled',
      'killed',
    ] as const;
    for (const phase of phases) if (r[phase][0] !== undefined) await run(`/referendum ${r[phase][0]}`);
    const deciding = r.deciding[r.deciding.length - 1]!;
    // One the titles source names (and not with its hostile title), read while the source was down.
    const { titles, hostileId } = scenarioTitles(scenario.expected.governance);
    const titled = r.deciding.find((id) => titles[id] !== undefined && id !== hostileId) ?? deciding;
    await run({
      line: `/referendum ${titled}`,
      label: `/referendum ${titled} (titles source down: the call is the title)`,
      table: 'titlesDown',
    });
    await run(`/ref ${deciding}`);
    await run(`/referendum #${deciding}`);
    await run(`/referendum ${scenario.expected.governance.referendumCount + 3}`);
    await run('/referendum');
    await run('/referendum abc');
    await run('/referendum -1');
    await run('/referendum 1.5');
    await run('/referendum 4294967296');
    await run(`/referendum ${deciding} ${deciding}`);
  },
};

/**
 * /calldata: the vote calls of an ongoing referendum and every refusal. The call data itself needs
 * the runtime's voting rules in the snapshot; without them the answer says so.
 */
const calldata: CommandGroup = {
  name: 'calldata',
  caller: telegramChat('-1001000000031'),
  async play(run, { scenario }) {
    const r = scenario.fixtures.referenda;
    const deciding = r.deciding[r.deciding.length - 1]!;
    const ended = r.approved[0] ?? r.rejected[0]!;
    await run(`/calldata ${deciding}`);
    await run(`/calldata ${deciding} aye 12.5 3x`);
    await run(`/calldata ${deciding} nay 0.5 KSM 0.1x`);
    await run(`/calldata ${ended} aye 1`);
    await run(`/calldata ${scenario.expected.governance.referendumCount + 3}`);
    await run('/calldata');
    await run(`/calldata ${deciding} maybe 1`);
    await run(`/calldata ${deciding} aye`);
    await run(`/calldata ${deciding} aye 0`);
    await run(`/calldata ${deciding} aye 1.0000000000001`);
    await run(`/calldata ${deciding} aye 1 7x`);
  },
};

const subscriptions: CommandGroup = {
  name: 'subscriptions',
  caller: telegramChat('-1001000000006'),
  async play(run, { scenario }) {
    const f = scenario.fixtures;
    const deciding = f.referenda.deciding[0]!;
    await run('/subscriptions');
    await run('/subscribe');
    await run('/subscribe referenda');
    await run('/subscribe referenda');
    const treasurer = idOf(await run('/sub referenda treasurer'));
    await run('/sub referenda 11');
    await run('/subscribe referenda nosuchtrack');
    await run('/subscribe deadlines');
    await run('/subscribe deadlines 24h,1h');
    await run(`/subscribe deadlines #${deciding} 2h`);
    await run(`/subscribe deadlines #${deciding} 30m, 3h`);
    await run('/subscribe deadlines small_spender 90m');
    await run(`/subscribe deadlines #${scenario.expected.governance.referendumCount + 3}`);
    await run('/subscribe deadlines 5m');
    await run('/subscribe deadlines 15d');
    await run('/subscribe deadlines 1h,2h,3h,4h,5h');
    await run('/subscribe deadlines soon');
    await run(`/subscribe address ${f.nominators.allTargetsActive}`);
    await run(`/subscribe address ${f.validators.elected[0]}`);
    await run('/subscribe address notanaddress');
    await run('/subscribe address');
    await run('/subscribe weather');
    await run('/subscribe cards treasurer');
    await run('/subscriptions');
    await run('/subs');
    await run(`/unsubscribe ${treasurer}`);
    await run(`/unsubscribe ${treasurer}`);
    await run('/unsubscribe r00000');
    await run('/unsub deadlines');
    await run(`/unsubscribe address ${f.nominators.allTargetsActive}`);
    await run(`/unsubscribe address ${f.pools.member}`);
    await run('/unsubscribe weather');
    await run('/unsubscribe cards');
    await run('/unsubscribe');
    await run('/subscriptions');
    await run('/unsubscribe all');
    await run('/unsubscribe all');
    await run('/subscriptions extra');
    await run({ line: '/subscribe referenda', caller: DISCORD_DM });
    await run({ line: '/subscriptions', caller: DISCORD_DM });
    await run({ line: '/unsubscribe all', caller: DISCORD_DM });
    await run({ line: '/subscribe referenda', caller: null });
    await run({ line: '/subscriptions', caller: null });
    await run({ line: '/unsubscribe all', caller: null });
  },
};

const subscriptionLimits: CommandGroup = {
  name: 'subscription-limits',
  caller: telegramChat('-1001000000007'),
  async play(run, { scenario }) {
    // Address subscriptions up to their limit and one more, then any kind up to the total limit.
    const addresses = Object.keys(scenario.fixtures.balances).sort();
    for (let i = 0; i < 21; i++) {
      const reply = await run(`/subscribe address ${addresses[i]}`);
      if (i < 19 && reply.type !== 'subscribed') throw new Error(`subscription ${i} failed: ${reply.type}`);
    }
    for (const track of [
      'root',
      'treasurer',
      'small_tipper',
      'big_tipper',
      'small_spender',
      'medium_spender',
    ])
      await run(`/subscribe referenda ${track}`);
    await run('/subscriptions');
    await run('/unsubscribe all');
  },
};

const alertSettings: CommandGroup = {
  name: 'quiet-mute',
  caller: telegramChat('-1001000000008'),
  async play(run) {
    for (const line of [
      '/quiet',
      '/quiet 22:00-07:00 UTC+2',
      '/quiet 22-7 utc+2',
      '/quiet 23-7 UTC-5 all',
      '/quiet 09:30-17:45 UTC+5:30',
      '/quiet 22:00-07:00 Europe/Berlin',
      '/quiet 22-7 europe/berlin all',
      '/quiet 22:00-07:00 Europe/Berln',
      '/quiet 22:00-07:00 Europe/Berlin UTC+1',
      '/quiet',
      '/quiet off',
      '/quiet off',
      '/quiet 25:00-07:00',
      '/quiet 22:00-22:00',
      '/quiet 22:00-07:00 UTC+15',
      '/quiet 22:00',
      '/quiet sometimes',
      '/quiet default',
      '/mute',
      '/mute staking',
      '/mute era-paid ref-submitted',
      '/mute deadlines, ref-submitted',
      '/mute deadlines',
      '/mute weather',
      '/mute referenda votes slashes health',
      '/quiet',
      '/unmute staking votes',
      '/unmute',
      '/unmute weather',
      '/unmute all',
      '/unmute all',
    ])
      await run(line);
    const id = idOf(await run('/subscribe referenda'));
    for (const line of [
      `/quiet 21:00-08:00 UTC+1 for ${id}`,
      `/mute ref-submitted for ${id}`,
      `/quiet for ${id}`,
      '/subscriptions',
      `/quiet off for ${id}`,
      `/quiet default for ${id}`,
      `/unmute all for ${id}`,
      '/mute staking for r00000',
      '/quiet off for r00000',
      `/mute staking for ${id} extra`,
      '/unsubscribe all',
    ])
      await run(line);
    await run({ line: '/quiet 22-7', caller: DISCORD_CHANNEL });
    await run({ line: '/mute staking', caller: DISCORD_CHANNEL });
    await run({ line: '/quiet off', caller: DISCORD_CHANNEL });
    await run({ line: '/unmute all', caller: DISCORD_CHANNEL });
    for (const line of ['/quiet', '/mute staking', '/unmute all']) await run({ line, caller: null });
  },
};

function submitted(referendum: number, track: number): AlertFacts {
  return { kind: 'ref-submitted', referendum, track, proposal: null };
}

/** Delivery records of the group's chat at fixed times before the alert engine's clock. */
async function seedDeliveries(world: GoldenWorld, target: Target, clock: number) {
  let at = 0;
  const records: AlertRecordStore = world.alertRecordsAt(() => at);
  const ref = { platform: target.platform, kind: target.kind, id: target.id };
  const seed = async (
    hoursAgo: number,
    id: string,
    facts: AlertFacts,
    then: (owner: string) => Promise<unknown>,
  ) => {
    at = clock - hoursAgo * HOUR;
    const owner = `golden-${id}`;
    const alert = {
      id,
      severity: 'info' as const,
      scope: { type: 'operator' as const },
      version: 1,
      relayBlock: world.scenario.expected.anchor.relayBlock,
      dataAtMs: at - MIN,
      facts,
    };
    await records.claim(ref, alert, 'r00001', owner, 60_000);
    at += 1_000;
    await then(owner);
  };
  await seed(100, 'ref:1:submitted', submitted(1, 0), (o) =>
    records.markSent(ref, 'ref:1:submitted', o, ['1']),
  );
  await seed(30, 'ref:2:submitted', submitted(2, 11), (o) =>
    records.markSent(ref, 'ref:2:submitted', o, ['2']),
  );
  await seed(5, 'ref:3:submitted', submitted(3, 30), (o) =>
    records.markSent(ref, 'ref:3:submitted', o, ['3']),
  );
  await seed(4, 'ref:4:submitted', submitted(4, 0), (o) =>
    records.markDeferred(ref, 'ref:4:submitted', o, clock + 2 * HOUR),
  );
  await seed(3, 'ref:5:submitted', submitted(5, 0), (o) =>
    records.markRetry(ref, 'ref:5:submitted', o, clock + MIN, '429: Too Many Requests'),
  );
  await seed(2, 'ref:6:submitted', submitted(6, 0), (o) =>
    records.markFinal(ref, 'ref:6:submitted', o, 'failed', '400: Bad Request: message is too long'),
  );
  const era: AlertFacts = { kind: 'era-paid', address: UNKNOWN_ADDRESS, era: 9_809, estimate: '1234567890' };
  await seed(1, 'era-paid:x:9809', era, (o) =>
    records.markFinal(ref, 'era-paid:x:9809', o, 'gone', '403: Forbidden: bot was kicked'),
  );
  await seed(0.5, 'ref:7:submitted', submitted(7, 0), async () => undefined);
}

const missed: CommandGroup = {
  name: 'missed',
  caller: telegramChat('-1001000000009'),
  async play(run, world) {
    const empty = await run('/missed');
    if (empty.type !== 'missed') throw new Error(`expected /missed, got ${empty.type}`);
    await seedDeliveries(world, missed.caller, empty.nowMs);
    for (const line of [
      '/missed',
      '/missed 48',
      '/missed 2d',
      '/missed 7d',
      '/missed 2',
      '/missed 168',
      '/missed 0',
      '/missed 169',
      '/missed 8d',
      '/missed abc',
      '/missed 1 2',
    ])
      await run(line);
    await run({ line: '/missed', caller: DISCORD_DM });
    await run({ line: '/missed', caller: null });
  },
};

const help: CommandGroup = {
  name: 'help',
  caller: telegramChat('-1001000000010'),
  async play(run) {
    for (const line of [
      '/help',
      '/start',
      '/help referenda',
      '/help /referendum',
      '/help ref',
      '/help sub',
      '/help nosuch',
      '/help help',
      '/help stake validator',
      '/help apy',
      '/help start',
    ])
      await run(line);
    await run({ line: '/start', caller: TELEGRAM_DM });
    for (const name of [
      'stake',
      'validator',
      'era',
      'referendum',
      'tracks',
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'missed',
      'quiet',
      'mute',
      'unmute',
      'status',
    ])
      await run(`/help ${name}`);
  },
};

const badInput: CommandGroup = {
  name: 'bad-input',
  caller: telegramChat('-1001000000011'),
  async play(run) {
    for (const line of ['', '   ', 'hello', '/', '/stak', '/refrenda', '/foo', '/subscibe referenda', 'era'])
      await run(line);
    await run({ line: 42, label: '(a number, not text)' });
    await run({ line: null, label: '(null)' });
    await run({ line: `/referendum ${'9'.repeat(600)}`, label: '/referendum followed by 600 nines' });
    await run({ line: `/help ${'x'.repeat(3000)}`, label: '/help followed by 3,000 x' });
    await run({ line: '/status\u200b', label: '/status with a zero-width space' });
    await run({ line: '/era \ud800', label: '/era with a lone surrogate' });
    await run({ line: '/ｓｔａｔｕｓ', label: '/status in full-width letters' });
    await run('/era@HeraldBot');
    await run('/help@OtherBot');
  },
};

/** /votes and /delegate on the scenario's named voters (fixtures.voterCases). */
const voting: CommandGroup = {
  name: 'votes',
  caller: telegramChat('-1001000000020'),
  async play(run, { scenario }) {
    const c = scenario.fixtures.voterCases;
    for (const address of [
      c.direct.address,
      c.endedWinner.address,
      c.endedFree.address,
      c.priorLocked.address,
      c.priorExpired.address,
      c.split.address,
      c.splitAbstain.address,
      c.delegating.address,
      c.delegate.address,
      c.noVotes.address,
    ])
      await run(`/votes ${address}`);
    await run('/votes');
    await run('/votes notanaddress');
    await run(`/votes ${POLKADOT_ADDRESS}`);
    await run(`/votes ${c.direct.address} ${c.split.address}`);
    await run(`/delegate ${c.delegate.address}`);
    await run(`/delegate ${c.delegating.address}`);
    await run(`/delegate ${c.direct.address}`);
    await run(`/delegate ${c.noVotes.address}`);
    await run('/delegate');
    await run('/delegate 0x1234');
  },
};

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  staking,
  validator,
  voting,
  eraStatusTracks,
  referenda,
  referendum,
  calldata,
  subscriptions,
  subscriptionLimits,
  alertSettings,
  missed,
  help,
  badInput,
];
