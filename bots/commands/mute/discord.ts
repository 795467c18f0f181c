/** /mute on Discord: the kinds (autocompleted), optionally for one subscription. */
import { kindsCommand } from '../kinds-discord.js';

export const discord = kindsCommand(
  'mute',
  'Stop kinds of alert in this channel (or this DM)',
  'e.g. staking, deadlines or era-paid; several separated by spaces',
);
