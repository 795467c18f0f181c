/**
 * The `herald:alertOperators` setting: who gets the operators' alerts (stale data, a chain endpoint
 * failing over, a runtime upgrade). Targets as HERALD_ALERT_OPERATORS takes them, `platform:kind:id` separated by
 * commas, checked by the detector's own parser, so a target it would refuse fails the synth
 * instead; or `none`, for nobody on purpose. Left unset the deploy goes on (a chat's id is often
 * known only once the bot is in it), but the synth warns that nobody is told.
 */
import { targetKey } from '../core/subscriptions/subscription-model.js';
import { operatorTargetsFrom } from '../lambdas/alerts/config.js';
import { CONTEXT_PREFIX, type Lookup, text } from './context-values.js';
import { InfraConfigError } from './errors.js';

const KEY = 'alertOperators';
const EXAMPLE = 'telegram:chat:-1001234567890,discord:channel:123456789012345678';

/** The synth's warning when the setting is missing. */
export const OPERATORS_NOT_SET =
  `${CONTEXT_PREFIX}${KEY} is not set: nobody receives the operators' alerts (stale data, a chain ` +
  `endpoint failing over, a runtime upgrade). Set it in the "context" of cdk.json or with -c ${CONTEXT_PREFIX}${KEY}=… to ` +
  `the chats that should, as platform:kind:id separated by commas (e.g. ${EXAMPLE}), or to none ` +
  'to send them to nobody on purpose.';

/** Target keys, [] for `none`, undefined when the setting is missing. */
export function alertOperators(get: Lookup): string[] | undefined {
  const raw = text(get, KEY);
  if (raw === undefined) return undefined;
  if (raw.toLowerCase() === 'none') return [];
  try {
    return operatorTargetsFrom(raw).map(targetKey);
  } catch (error) {
    throw new InfraConfigError(
      `${CONTEXT_PREFIX}${KEY} must be platform:kind:id targets separated by commas (e.g. ${EXAMPLE}) ` +
        `or none: ${(error as Error).message}`,
    );
  }
}
