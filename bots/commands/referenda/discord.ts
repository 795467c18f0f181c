/** /referenda on Discord: track and status as choices, and a page number. */
import { REFERENDA_STATUSES } from '../../../core/commands/command-types.js';
import { MAX_PAGE } from '../../../core/commands/limits.js';
import { type DiscordCommand, line, OPTION, trackOption, words } from '../../discord/slash/index.js';

export const discord: DiscordCommand = {
  names: ['referenda'],
  definitions: (base) => [
    base('referenda', 'Referenda with phase, time left and whether they pass')
      .addStringOption((o) => trackOption(o, 'Only this track'))
      .addStringOption((o) =>
        o
          .setName(OPTION.status)
          .setDescription('Which referenda (ongoing by default)')
          .addChoices(...REFERENDA_STATUSES.map((s) => ({ name: s, value: s }))),
      )
      .addIntegerOption((o) =>
        o.setName(OPTION.page).setDescription('Page number').setMinValue(1).setMaxValue(MAX_PAGE),
      ),
  ],
  request: ({ options }) => {
    const page = words(options, OPTION.page);
    return {
      line: line(
        'referenda',
        ...words(options, OPTION.track, OPTION.status),
        ...(page.length ? ['page', ...page] : []),
      ),
      scope: 'here',
    };
  },
};
