/**
 * A referendum's title when no off-chain source has one: its decoded proposal call, worded with
 * amounts and addresses, e.g. `Treasury spend: 30,000 USDC to CnfWxc…9Xyz`. The addresses are kept
 * whole when the title fits, so the bots can show each by its on-chain name (they show a name or the
 * short form, never the whole address); short when whole ones would not fit.
 */
import { formatBalance } from '../format/balance.js';
import { sanitizeName } from '../identity/sanitize.js';
import type { ReferendumTitle } from '../reply/reply-types.js';

/** At most this many characters of a title are kept (off-chain or worded from the call). */
export const MAX_TITLE_CHARS = 120;

export interface CallAsset {
  symbol: string;
  decimals: number;
}

/**
 * A proposal's call as the snapshot decoded it: pallet and method (camelCase, as the metadata names
 * them), and the arguments a title needs.
 */
export interface ProposalCall {
  pallet: string;
  method: string;
  /** What a spend pays: the amount in the asset's smallest unit, and the asset (null: unrecognised). */
  amount?: { value: bigint; asset: CallAsset | null };
  /** Who a spend pays, as an SS58 address; null when the location names no account. */
  beneficiary?: string | null;
  /** The calls a batch or a wrapper (whitelist dispatch) carries; a batch may list only the first few. */
  calls?: ProposalCall[];
  /** How many calls a batch carries (its `calls` may be fewer). */
  callCount?: number;
}

/** First 6 and last 4 characters of an address, e.g. `CnfWxc…9Xyz`. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function amountText(amount: NonNullable<ProposalCall['amount']>): string {
  if (!amount.asset) return `${amount.value} units of an unrecognised asset`;
  return formatBalance(amount.value, { decimals: amount.asset.decimals, symbol: amount.asset.symbol });
}

const BATCHES = new Set(['batch', 'batchAll', 'forceBatch']);
const SET_CODE = new Set(['setCode', 'setCodeWithoutChecks']);
const AUTHORIZE = new Set(['authorizeUpgrade', 'authorizeUpgradeWithoutChecks']);
const WHITELISTED = new Set(['dispatchWhitelistedCallWithPreimage', 'dispatchWhitelistedCall']);

function describe(call: ProposalCall, depth: number, address: (a: string) => string): string {
  const { pallet, method } = call;
  if (pallet === 'treasury' && (method === 'spend' || method === 'spendLocal') && call.amount) {
    const to = call.beneficiary ? address(call.beneficiary) : 'an unrecognised beneficiary';
    return `Treasury spend: ${amountText(call.amount)} to ${to}`;
  }
  if (pallet === 'system' && SET_CODE.has(method)) return 'Set code (runtime upgrade)';
  if (pallet === 'system' && AUTHORIZE.has(method)) return 'Authorize a runtime upgrade';
  if (pallet === 'utility' && BATCHES.has(method)) {
    const count = call.callCount ?? call.calls?.length ?? 0;
    const head = `Batch of ${count} call${count === 1 ? '' : 's'}`;
    if (depth > 0 || !call.calls?.length) return head;
    const shown = call.calls.slice(0, 3).map((c) => describe(c, depth + 1, address));
    return `${head}: ${shown.join('; ')}${count > shown.length ? '; …' : ''}`;
  }
  if (pallet === 'whitelist' && WHITELISTED.has(method) && call.calls?.[0] && depth === 0)
    return `Whitelisted: ${describe(call.calls[0], depth + 1, address)}`;
  return `${capital(words(pallet))}: ${words(method)}`;
}

/** The call's title, capped at MAX_TITLE_CHARS. */
export function callTitle(call: ProposalCall): ReferendumTitle {
  const whole = describe(call, 0, (a) => a);
  const worded = whole.length <= MAX_TITLE_CHARS ? whole : describe(call, 0, shortAddress);
  const text = sanitizeName(worded, MAX_TITLE_CHARS) ?? `${call.pallet}.${call.method}`;
  return { text, source: 'call' };
}

/** An off-chain title as shown: without invisible or control characters, capped; null if nothing is left. */
export function offchainTitle(raw: string, source: 'subsquare' | 'polkassembly'): ReferendumTitle | null {
  const text = sanitizeName(raw, MAX_TITLE_CHARS);
  return text === null ? null : { text, source };
}
