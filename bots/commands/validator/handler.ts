/** `/validator <address>`: the validator's slice and the era context through the staking engine. */

import { accountLinks } from '../../../core/links/urls.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import { readValidatorSlice } from '../../../core/staking/stored-read.js';
import { validatorView } from '../../../core/staking/validator-view.js';
import type { CommandContext } from '../context.js';
import { eraSliceOf, type Frame, viewContextOf } from '../frame.js';
import { base, missingData } from '../reply-base.js';
import { subscribeLine } from '../subscribe/grammar.js';
import type { ValidatorCommand } from './grammar.js';

export async function validatorCommand(
  command: ValidatorCommand,
  frame: Frame,
  ctx: CommandContext,
): Promise<Reply> {
  const { address } = command.account;
  const [era, viewContext] = await Promise.all([eraSliceOf(ctx, frame), viewContextOf(ctx, frame)]);
  const slice = era ? await readValidatorSlice(ctx.store, frame.pointer, address, era) : undefined;
  if (!viewContext) return missingData('validator', 'era data', frame);
  const view = validatorView(
    slice ?? { address, prefs: null, ledger: null, payee: null, nominatedBy: 0, eras: [] },
    viewContext,
  );
  const subscribe = subscribeLine({ kind: 'address', address: command.account });
  return {
    type: 'validator',
    account: command.account,
    view,
    ...base(frame, [{ type: 'subscribe-address', address, command: subscribe }]),
    links: accountLinks(address),
  };
}
