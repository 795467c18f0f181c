/** What a fake platform's chat really received of the treasury and bounty alerts, by kind and subject. */
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { Platforms } from './harness.js';

/** Titles by kind, as both platforms show them (Telegram escapes the apostrophe). */
const TITLE: Record<string, RegExp> = {
  'spend-approved': /Treasury spend #(\d+) approved/g,
  'spend-claimable': /Treasury spend #(\d+) can be claimed now/g,
  'spend-expiring': /Treasury spend #(\d+) expires/g,
  'spend-payout-failed': /Treasury spend #(\d+): the payout failed/g,
  'bounty-created': /((?:Multi-asset bounty|Bounty|Child bounty) [#m0-9/]+) created/g,
  'bounty-funded': /((?:Multi-asset bounty|Bounty|Child bounty) [#m0-9/]+) funded/g,
  'bounty-curator': /((?:Bounty|Child bounty) [#0-9/]+): .{0,80}? (?:proposed as curator|is the curator)/g,
  'bounty-awarded': /((?:Bounty|Child bounty) [#0-9/]+) awarded to/g,
  'bounty-claimable': /((?:Bounty|Child bounty) [#0-9/]+) can be claimed now/g,
  'bounty-update-due': /((?:Bounty|Child bounty) [#0-9/]+): the curator.{1,6}s update is due/g,
};

/** "kind subject" → how many times it arrived at the target ("spend-expiring 4" → 3). */
export function treasuryReceipts(platforms: Platforms, target: DeliveryTarget): Map<string, number> {
  const texts =
    target.platform === 'telegram'
      ? platforms.telegram.delivered(target.id).map((c) => String(c.params.text))
      : platforms.discordProxy.calls
          .filter(
            (c) => c.method === 'POST' && c.status === 200 && c.path.includes(`/channels/${target.id}/`),
          )
          .flatMap((c) =>
            ((c.json as { embeds?: Array<{ title?: string }> }).embeds ?? []).map((e) => e.title ?? ''),
          );
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const [kind, pattern] of Object.entries(TITLE))
      for (const m of text.matchAll(pattern)) {
        const key = `${kind} ${m[1]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  return counts;
}
