/**
 * The chart and the text replies tell a referendum's state in the same words: the chart takes them
 * from core/opengov/status-words.ts, and the text reply's Phase line is checked against them here.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../bots/text/render.js';
import { chartData } from '../../../core/opengov/chart-data.js';
import { evaluateReferendum } from '../../../core/opengov/evaluate.js';
import { capitalised, phaseWord, verdictWord } from '../../../core/opengov/status-words.js';
import { summariseTrack } from '../../../core/opengov/tracks.js';
import type { ReferendumReply } from '../../../core/reply/reply-types.js';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import { kusamaTrack } from '../../fixtures/kusama-tracks.js';

const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
const NOW = 30_500_000;
const ctx = { relayBlock: NOW, timestampMs: Date.UTC(2026, 2, 12), activeIssuance: ISSUANCE };
const root = kusamaTrack(0);

function ref(overrides: Partial<OngoingReferendum>): OngoingReferendum {
  return {
    status: 'ongoing',
    id: 24,
    track: 0,
    origin: 'system.Root',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 0 },
    submitted: NOW - 30_000,
    submissionDeposit: { who: 'a', amount: KSM },
    decisionDeposit: { who: 'a', amount: KSM },
    deciding: { since: NOW - 28_800, confirming: null },
    tally: { ayes: 3n * KSM, nays: KSM, support: ISSUANCE / 100n },
    inQueue: false,
    alarm: null,
    ...overrides,
  };
}

const CASES: Record<string, OngoingReferendum> = {
  failing: ref({}),
  passing: ref({ tally: { ayes: 9n * KSM, nays: KSM, support: ISSUANCE / 2n } }),
  confirming: ref({
    deciding: { since: NOW - 28_800, confirming: NOW + 100 },
    tally: { ayes: 9n * KSM, nays: KSM, support: ISSUANCE / 2n },
  }),
  preparing: ref({ deciding: null, submitted: NOW - 100 }),
  'awaiting deposit': ref({ deciding: null, submitted: NOW - 100, decisionDeposit: null }),
};

describe('status words', () => {
  for (const [name, info] of Object.entries(CASES)) {
    it(`${name}: the chart's subtitle and the text reply's Phase line say the same`, () => {
      const view = evaluateReferendum(info, root, ctx);
      if (view.phase !== 'preparing' && view.phase !== 'deciding' && view.phase !== 'confirming')
        throw new Error(view.phase);
      const verdict = verdictWord(view.phase === 'preparing' ? null : view.assessment.passing);
      const reply: ReferendumReply = {
        type: 'referendum',
        id: 24,
        info,
        view,
        track: summariseTrack(root),
        proposal: null,
        trackDecidingCount: 0,
        queuePosition: null,
        freshness: null,
        actions: [],
        attachments: [],
      };
      const phaseLine = renderText(reply)
        .split('\n')
        .find((l) => l.startsWith('Phase: '));
      expect(phaseLine).toBe(`Phase: ${phaseWord(view)} · ${verdict}`);
      expect(
        chartData(view, root).subtitle.startsWith(`${capitalised(phaseWord(view))} · ${verdict} · `),
      ).toBe(true);
    });
  }

  it('never says "not passing"', () => {
    for (const info of Object.values(CASES))
      expect(chartData(evaluateReferendum(info, root, ctx), root).subtitle).not.toContain('not passing');
  });
});
