/**
 * `/help apy` (or `/help apr`): how the return figures (APR) of /stake, /validator and /era are estimated. With a snapshot it
 * says it as /stake's footnote would for the network (the eras used, the era length), then the
 * formulas for an account and a pool.
 */
import { type CommandSpec, EXAMPLE_ADDRESS } from '../../../core/commands/command-spec.js';
import { APY_FORMULAS, networkApy } from '../../../core/staking/apy.js';
import type { ViewContext } from '../../../core/staking/context.js';
import { apyFootnote } from '../../../core/staking/describe.js';

/** The words that name the topic (it is not a command, so `/apy` is not one). */
export const APY_TOPIC_WORDS: readonly string[] = ['apy', 'apr'];

export function apyTopic(context: ViewContext | null): CommandSpec {
  const network = context ? apyFootnote(networkApy(context), context.timing) : APY_FORMULAS.network;
  return {
    name: 'apy',
    aliases: ['apr'],
    usage: 'APR: how /stake, /validator and /era estimate the yearly return',
    summary: [
      network,
      APY_FORMULAS.account,
      APY_FORMULAS.pool,
      "No compounding is assumed: the recent eras' rate is scaled to a year (an APR, not an APY).",
    ].join(' '),
    examples: ['/era', `/stake ${EXAMPLE_ADDRESS}`],
  };
}
