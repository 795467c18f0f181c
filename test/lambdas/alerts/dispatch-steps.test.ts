import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/alerts/alert-types.js';
import type { DeliveryTarget, Notifier, NotifierMessage } from '../../../core/ports/notifier.js';
import type { Claimed, DispatchRun } from '../../../lambdas/alerts/dispatch-run.js';
import { emptyResult } from '../../../lambdas/alerts/dispatch-run.js';
import { sendClaimed } from '../../../lambdas/alerts/dispatch-steps.js';

const NOW = Date.UTC(2026, 6, 20, 12);
const target: DeliveryTarget = { platform: 'telegram', kind: 'chat', id: '-1001' };

const deadline = (id: number): Alert => ({
  id: `deadline:${id}`,
  severity: 'warning',
  scope: { type: 'deadline', referendum: id, track: 32, leadMinutes: 60, remainingMs: 3_000_000 },
  version: 1,
  relayBlock: 31_562_213,
  dataAtMs: NOW - 60_000,
  facts: {
    kind: 'ref-deadline',
    referendum: id,
    track: 32,
    deadline: 'decision',
    end: { block: 31_562_713, atMs: NOW + 3_000_000 },
    leadMinutes: 60,
    remainingMs: 3_000_000,
  },
});

describe('sending claimed alerts', () => {
  it("words each alert with the zone its chat's quiet hours name, and none where they name none", async () => {
    const seen: NotifierMessage[] = [];
    const notifier: Notifier = {
      platform: 'telegram',
      async send(_target, messages) {
        seen.push(...messages);
        return [{ status: 'sent', alertIds: messages.map((m) => m.alertId), messageIds: ['1'] }];
      },
    };
    const run = {
      deps: { messageContext: (nowMs: number) => ({ nowMs }) },
      target,
      now: () => NOW,
      result: emptyResult(),
    } as unknown as DispatchRun;
    const quiet = { startMinute: 0, endMinute: 60, utcOffsetMinutes: 120, timeZone: 'Europe/Berlin' };
    const claimed = [
      { item: { alert: deadline(1), subscriptionId: 's1', quietHours: quiet }, attempts: 1 },
      { item: { alert: deadline(2), subscriptionId: 's2' }, attempts: 1 },
    ] as unknown as Claimed[];
    await sendClaimed(run, notifier, claimed);
    expect(seen.map((m) => m.timeZone)).toEqual(['Europe/Berlin', undefined]);
    expect(seen[0]!.links?.map((l) => l.url)).toEqual([
      'https://kusama.subsquare.io/referenda/1',
      'https://kusama.polkassembly.io/referenda/1',
    ]);
  });
});
