/** The alert kinds `/mute` and `/unmute` name: group names and kind names, parsed into kinds. */
import { kindsOfWord, kindWordList, sortKinds } from '../subscriptions/kind-words.js';
import type { MutedKind } from '../subscriptions/settings.js';
import { fail, ok, type Parsed, quote } from './errors.js';

/** Words separated by spaces or commas → the kinds they name, in ALERT_KINDS order. */
export function parseKindWords(args: readonly string[], command: 'mute' | 'unmute'): Parsed<MutedKind[]> {
  const hint = command === 'mute' ? '/mute staking  or  /mute era-paid ref-submitted' : '/unmute staking';
  const words = args.flatMap((a) => a.split(',')).filter((w) => w.length > 0);
  if (words.length === 0)
    return fail(
      'missing-argument',
      `Say which alerts to ${command}: ${kindWordList()}.`,
      command === 'mute' ? hint : `${hint}  or  /unmute all`,
    );
  const kinds: MutedKind[] = [];
  for (const word of words) {
    if (word.toLowerCase() === 'all')
      return command === 'mute'
        ? fail(
            'unknown-alert-kind',
            'Muting everything is unsubscribing: /unsubscribe all stops every alert here, and /quiet holds them overnight.',
            hint,
            word,
          )
        : fail(
            'extra-argument',
            '"all" lets every kind through again; it takes no other words.',
            '/unmute all',
            word,
          );
    const found = kindsOfWord(word);
    if (!found)
      return fail(
        'unknown-alert-kind',
        `${quote(word)} is not a kind of alert. Choose ${kindWordList()}.`,
        hint,
        word,
      );
    kinds.push(...found);
  }
  return ok(sortKinds(kinds));
}
