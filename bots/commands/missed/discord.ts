/** /missed on Discord: how many hours back, bounded. Open to everyone. */
import { DEFAULT_MISSED_HOURS, MAX_MISSED_HOURS } from '../../../core/commands/limits.js';
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['missed'],
  definitions: (base) => [
    base('missed', "This channel's recent alerts again, with what became of each").addIntegerOption((o) =>
      o
        .setName(OPTION.hours)
        .setDescription(
          `How far back, in hours (${DEFAULT_MISSED_HOURS} by default, at most ${MAX_MISSED_HOURS})`,
        )
        .setMinValue(1)
        .setMaxValue(MAX_MISSED_HOURS),
    ),
  ],
  request: plainRequest('missed', OPTION.hours),
};
