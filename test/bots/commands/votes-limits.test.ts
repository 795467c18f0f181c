/**
 * The longest /votes and /delegate answers still fit each platform: a whale voting on every track
 * with hundreds of votes, locks everywhere, delegations to long-named delegates and long titles.
 * The Discord embed stays within 25 fields, 4,096 description and 6,000 characters in all (nothing
 * is dropped by the clamp), every Telegram message within 4,096 characters, and each cut list says
 * how many more there are.
 */
import { describe, expect, it } from 'vitest';
import { clampEmbed, EMBED_LIMITS, embedLength } from '../../../bots/discord/limits.js';
import { renderReply as renderDiscord } from '../../../bots/discord/render/index.js';
import { renderReply as renderTelegram } from '../../../bots/telegram/render-reply.js';
import { renderText } from '../../../bots/text/index.js';
import type { AccountNames } from '../../../core/identity/identity-types.js';
import { KUSAMA_TRACK_NAMES } from '../../../core/kusama/track-names.js';
import type { DelegateReply, ReferendumTitle, Reply, VotesReply } from '../../../core/reply/reply-types.js';
import type { ClassVoting, VoterRecord } from '../../../core/types/voting.js';
import { delegateView } from '../../../core/voting/delegate-view.js';
import { outcomeLookup, type ReferendumOutcomes } from '../../../core/voting/outcomes.js';
import { votesView } from '../../../core/voting/votes-view.js';
import {
  ALICE,
  aye,
  BOB,
  CHARLIE,
  KUSAMA_RULES,
  ksm,
  nay,
  PERIOD,
} from '../../core/voting/voting-fixture.js';

const NOW = 30_000_000;
const TRACKS = KUSAMA_TRACK_NAMES.map((t) => t.id);
const anchor = { relayBlock: NOW, timestampMs: Date.UTC(2026, 6, 1) };
const freshness = {
  relayBlock: NOW,
  assetHubBlock: 12_345_678,
  chainTimeMs: anchor.timestampMs,
  snapshotAtMs: anchor.timestampMs + 60_000,
  version: 42,
  ageMs: 60_000,
  stale: false,
  staleAfterMs: 900_000,
};
const LONG = 'W'.repeat(32);
const names: AccountNames = {
  [ALICE]: { display: LONG, sub: LONG, verified: true },
  [BOB]: { display: LONG, sub: null, verified: true },
  [CHARLIE]: { display: LONG, sub: LONG, verified: false },
};

/** Two ongoing referenda per track, 40 ended ones per track, every kind of outcome. */
function world() {
  const ongoing = new Map<number, number>();
  const ended: ReferendumOutcomes = {};
  const titles = new Map<number, ReferendumTitle>();
  TRACKS.forEach((track, i) => {
    for (let k = 0; k < 2; k++) ongoing.set(1_000 + i * 2 + k, track);
    for (let k = 0; k < 40; k++) {
      const id = 2_000 + i * 40 + k;
      ended[id] = {
        status: k % 3 === 0 ? 'approved' : k % 3 === 1 ? 'rejected' : 'cancelled',
        block: NOW - k * 5_000,
      };
    }
  });
  for (const id of [...ongoing.keys(), ...Object.keys(ended).map(Number)])
    titles.set(id, {
      text: `${'A very long referendum title that goes on '.repeat(4)}#${id}`,
      source: 'subsquare',
    });
  return { ongoing, ended, titles };
}

function whale(w: ReturnType<typeof world>): VoterRecord {
  const classes: Record<number, ClassVoting> = {};
  TRACKS.forEach((track, i) => {
    if (i % 4 === 3) {
      classes[track] = {
        type: 'delegating',
        target: i % 8 === 3 ? BOB : CHARLIE,
        conviction: 6,
        balance: ksm(123_456.789),
        delegations: { votes: ksm(1_000_000), capital: ksm(500_000) },
        prior: { until: NOW + i * 1_000, amount: ksm(200_000) },
      };
      return;
    }
    const ids = [...w.ongoing].filter(([, t]) => t === track).map(([id]) => id);
    const endedIds = Object.keys(w.ended)
      .map(Number)
      .filter((id) => id >= 2_000 + i * 40 && id < 2_040 + i * 40);
    classes[track] = {
      type: 'casting',
      votes: [...ids, ...endedIds].map((referendum, k) => ({
        referendum,
        vote:
          k % 5 === 4
            ? { type: 'splitAbstain', aye: ksm(1.5), nay: ksm(2.25), abstain: ksm(99_999.125) }
            : k % 2
              ? nay(ksm(111_111.1111), 6)
              : aye(ksm(222_222.2222), (k % 7) as 0),
      })),
      delegations: { votes: ksm(9_999_999), capital: ksm(8_888_888) },
      prior: { until: NOW - 10 + i * PERIOD, amount: ksm(333_333.3333) },
    };
  });
  const delegators = Object.fromEntries(
    TRACKS.map((t) => [t, { count: 12_345, capital: ksm(7_654_321.1234), votes: ksm(45_000_000.5) }]),
  );
  return {
    classes,
    classLocks: TRACKS.map((track) => ({ track, amount: ksm(999_999.9999) })),
    delegators,
  };
}

function within(reply: Reply): void {
  const discord = renderDiscord(reply);
  const embed = discord.embeds[0]!;
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  expect(embed.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  // Nothing was cut or dropped to get there: the document itself fits.
  expect(clampEmbed(embed)).toEqual(embed);
  expect(JSON.stringify(embed)).not.toContain('…"');
  const telegram = renderTelegram(reply);
  for (const m of telegram.messages) expect(m.length).toBeLessThanOrEqual(4096);
  expect(telegram.messages.length).toBeLessThanOrEqual(2);
}

describe('the longest voting answers fit Discord and Telegram', () => {
  const w = world();
  const lookup = outcomeLookup(w.ended, w.ongoing);
  const ctx = { rules: KUSAMA_RULES, tracks: [], titles: w.titles, anchor };
  const base = {
    account: { address: ALICE, input: ALICE, inputPrefix: 2, converted: false },
    freshness,
    actions: [{ type: 'subscribe-address' as const, address: ALICE, command: `/sub address ${ALICE}` }],
    attachments: [],
    links: [{ label: 'Subscan', url: `https://assethub-kusama.subscan.io/account/${ALICE}` }],
    names,
  };

  it('/votes of a whale on every track', () => {
    const view = votesView(ALICE, whale(w), lookup, ctx, {
      withdrawable: ksm(12_345.6789),
      unbonding: ksm(1),
      pool: { poolId: 123, withdrawable: ksm(5) },
    });
    expect(view.ongoing.length).toBeGreaterThan(20);
    expect(view.ended.length).toBeGreaterThan(300);
    expect(view.calls.length).toBeGreaterThan(100);
    const reply: VotesReply = { type: 'votes', view, ...base };
    within(reply);
    const text = renderText(reply);
    expect(text).toMatch(/… and \d+ more votes/);
    expect(text).toMatch(/… and \d+ more calls/);
    expect(text).toMatch(/… and \d+ more tracks/);
  });

  it('/delegate of a delegate with delegators on every track and votes everywhere', () => {
    const record = whale(w);
    for (const t of TRACKS) {
      const c = record.classes[t]!;
      if (c.type === 'delegating')
        record.classes[t] = { type: 'casting', votes: [], delegations: c.delegations, prior: c.prior };
    }
    const reply: DelegateReply = {
      type: 'delegate',
      view: delegateView(ALICE, record, lookup, ctx),
      ...base,
    };
    expect(reply.view.votes.length).toBeGreaterThan(20);
    within(reply);
    expect(renderText(reply)).toMatch(/… and \d+ more votes/);
  });
});
