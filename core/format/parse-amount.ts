/** Reads a KSM amount typed by a user ('1,234.5', '0.25 KSM', '10ksm') into planck, exactly. */
import { KSM_DECIMALS } from '../kusama/constants.js';
import { AmountError } from './errors.js';

export type AmountResult = { ok: true; planck: bigint } | { ok: false; error: AmountError };

const AMOUNT_RE = /^(\d+)(?:\.(\d*))?$/;

export function parseKsm(raw: string): AmountResult {
  const input = typeof raw === 'string' ? raw.trim() : '';
  if (input === '') {
    return {
      ok: false,
      error: new AmountError('empty', '', 'No amount given: type a number of KSM, e.g. 12.5.'),
    };
  }
  const text = input
    .replace(/\s*ksm$/i, '')
    .replace(/[,_\s]/g, '')
    .replace(/^\+/, '');
  if (text.startsWith('-')) {
    return { ok: false, error: new AmountError('negative', input, 'The amount must not be negative.') };
  }
  const match = AMOUNT_RE.exec(text);
  if (!match) {
    return {
      ok: false,
      error: new AmountError('not-a-number', input, `"${input}" is not an amount: use digits and one dot.`),
    };
  }
  const fraction = match[2] ?? '';
  if (fraction.length > KSM_DECIMALS) {
    return {
      ok: false,
      error: new AmountError(
        'too-many-decimals',
        input,
        `KSM has ${KSM_DECIMALS} decimals; "${input}" has ${fraction.length}.`,
      ),
    };
  }
  const planck = BigInt(match[1]!) * 10n ** BigInt(KSM_DECIMALS) + BigInt(fraction.padEnd(KSM_DECIMALS, '0'));
  return { ok: true, planck };
}
