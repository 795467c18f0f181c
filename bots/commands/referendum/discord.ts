/** /referendum on Discord: its number, autocompleted. */
import { MAX_REFERENDUM_ID } from '../../../core/commands/limits.js';
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['referendum'],
  definitions: (base) => [
    base(
      'referendum',
      'One referendum: phase, tally against the curves, deadlines and chart',
    ).addIntegerOption((o) =>
      o
        .setName(OPTION.id)
        .setDescription('Referendum number')
        .setRequired(true)
        .setMinValue(0)
        .setMaxValue(MAX_REFERENDUM_ID)
        .setAutocomplete(true),
    ),
  ],
  request: plainRequest('referendum', OPTION.id),
};
