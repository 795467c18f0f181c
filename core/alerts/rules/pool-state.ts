/** The pool the watched address is a member of left the Open state (blocked or destroying). */
import type { PoolState } from '../../types/staking.js';
import { accountButtons } from '../alert-links.js';
import { addressScope } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule } from '../rule-types.js';

export interface PoolStateFacts {
  kind: 'pool-state';
  address: string;
  poolId: number;
  from: PoolState | null;
  to: PoolState;
}

const STATE_WORD: Record<PoolState, string> = {
  Open: 'open',
  Blocked: 'blocked',
  Destroying: 'being destroyed',
};

/** What the state means for a member. */
const POOL_MEANS: Record<PoolState, string> = {
  Open: 'Anyone can join it.',
  Blocked: 'It takes no new members, and its operators may unbond its members.',
  Destroying:
    'It is closing: it takes no new members, and anyone may unbond its members. Unbond and withdraw to keep staking elsewhere.',
};

export const poolState: AlertRule<PoolStateFacts, 'account'> = {
  kind: 'pool-state',
  group: 'staking',
  description: 'a pool changed state',
  severity: 'warning',
  source: 'account',
  detect({ address, before, after, ctx }) {
    if (!before) return [];
    const from = before.pool?.pool?.state ?? null;
    const pool = after.pool?.pool;
    if (!pool || pool.state === 'Open' || pool.state === from) return [];
    return [
      {
        id: addressAlertId('pool', address, pool.id, pool.state, ctx.activeEra.index),
        scope: addressScope(address),
        facts: { kind: 'pool-state', address, poolId: pool.id, from, to: pool.state },
      },
    ];
  },
  message: (f, w) => ({
    title: `Pool ${f.poolId} is ${STATE_WORD[f.to]}`,
    lines: [
      `${POOL_MEANS[f.to]} It was ${f.from === null ? 'in an unknown state' : STATE_WORD[f.from]} before.`,
      `Member: ${w.account(f.address)}`,
    ],
    links: accountButtons(f.address, 'Member'),
  }),
};
