/**
 * The parachain answers' shared words: a para by name or id, every lifecycle, sale phase and
 * renewal state worded, a refund call to copy; and a para answer without Coretime data or head.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../bots/text/index.js';
import {
  callSpan,
  LIFECYCLE_WORDS,
  lifecycleText,
  PHASE_WORDS,
  paraText,
  RENEWAL_WORDS,
} from '../../../bots/text/parachain-words.js';
import type { ParaReply } from '../../../core/reply/parachain-replies.js';

describe('parachain words', () => {
  it('a para by its name and id, or by its id alone', () => {
    expect(paraText({ id: 2000, name: 'Karura' })).toBe('Karura (2000)');
    expect(paraText({ id: 2999, name: null })).toBe('para 2999');
  });

  it('every lifecycle, phase and renewal state has its words', () => {
    for (const words of [LIFECYCLE_WORDS, PHASE_WORDS, RENEWAL_WORDS])
      for (const text of Object.values(words)) expect(text.length).toBeGreaterThan(5);
    expect(Object.keys(LIFECYCLE_WORDS)).toHaveLength(7);
    expect(lifecycleText(null)).toBe('registered, no code yet');
  });

  it('a refund call is code to copy, its arguments in order', () => {
    expect(callSpan({ call: 'ahOps.unreserveLeaseDeposit', args: [12, 'HNZ', 2000] })).toEqual({
      kind: 'code',
      text: 'ahOps.unreserveLeaseDeposit(12, HNZ, 2000)',
    });
  });

  it('a para without Coretime data, head or manager says so rather than leaving gaps', () => {
    const reply: ParaReply = {
      type: 'para',
      query: '3004',
      relayBlock: 100,
      result: {
        type: 'found',
        details: {
          para: { id: 3004, name: null },
          lifecycle: null,
          listed: false,
          manager: null,
          deposit: null,
          locked: null,
          head: null,
          headRelayBlock: null,
          headAgeBlocks: null,
          relayCores: [],
          coretime: null,
          heldUntil: null,
          lease: null,
          renewals: [],
          autoRenew: null,
        },
      },
      freshness: null,
      actions: [],
      attachments: [],
    };
    const text = renderText(reply);
    for (const part of [
      'para 3004',
      'Lifecycle: registered, no code yet',
      'Manager: none recorded',
      'Deposit: none recorded',
      'Locked: not set',
      'No relay core runs it now.',
      'Coretime chain not read.',
      'No renewal on record.',
      'Auto-renew: off',
      'No head stored.',
    ])
      expect(text).toContain(part);
  });
});
