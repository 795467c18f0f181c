/**
 * The command set: one line per command, in the order /help, the Telegram menu and the Discord
 * definitions list them. The parser, the permission checks and the answers are built from it.
 */
import { bounties } from './bounties/index.js';
import { bounty } from './bounty/index.js';
import { calldata } from './calldata/index.js';
import type { CommandDefinition, CommandOf } from './command.js';
import { coretime } from './coretime/index.js';
import { crowdloan } from './crowdloan/index.js';
import { delegate } from './delegate/index.js';
import { era } from './era/index.js';
import { helpCommand } from './help/index.js';
import { missed } from './missed/index.js';
import { mute } from './mute/index.js';
import { para } from './para/index.js';
import { parachains } from './parachains/index.js';
import { quiet } from './quiet/index.js';
import { referenda } from './referenda/index.js';
import { referendum } from './referendum/index.js';
import { spend } from './spend/index.js';
import { spends } from './spends/index.js';
import { stake } from './stake/index.js';
import { start } from './start/index.js';
import { status } from './status/index.js';
import { subscribe } from './subscribe/index.js';
import { subscriptions } from './subscriptions/index.js';
import { tracks } from './tracks/index.js';
import { treasury } from './treasury/index.js';
import { unmute } from './unmute/index.js';
import { unsubscribe } from './unsubscribe/index.js';
import { validator } from './validator/index.js';
import { votes } from './votes/index.js';

const LIST = [
  stake,
  validator,
  votes,
  delegate,
  era,
  referenda,
  referendum,
  calldata,
  tracks,
  treasury,
  spends,
  spend,
  bounties,
  bounty,
  parachains,
  para,
  coretime,
  crowdloan,
  subscribe,
  unsubscribe,
  subscriptions,
  missed,
  quiet,
  mute,
  unmute,
  status,
  start,
  helpCommand,
] as const;

/** A command line once parsed and validated: everything a command needs, nothing left to check but the data. */
export type Command = CommandOf<(typeof LIST)[number]>;

export const COMMANDS: readonly CommandDefinition<Command>[] = LIST;
