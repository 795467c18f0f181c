/** /unmute on Discord: the kinds or all (autocompleted), optionally for one subscription. */
import { kindsCommand } from '../kinds-discord.js';

export const discord = kindsCommand(
  'unmute',
  'Let muted kinds of alert through again',
  'The kinds to let through again, or all',
);
