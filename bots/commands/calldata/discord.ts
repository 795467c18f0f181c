/** /calldata on Discord: an ongoing referendum (autocompleted), then optionally a vote, an amount and a conviction. */
import { MAX_REFERENDUM_ID } from '../../../core/commands/limits.js';
import { type DiscordCommand, OPTION, plainRequest } from '../../discord/slash/index.js';

/** This command's own option names. */
const VOTE = 'vote';
const AMOUNT = 'amount';
const CONVICTION = 'conviction';

const CONVICTIONS = [
  { name: '0.1x (no lock after the referendum)', value: '0.1x' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `${n}x`, value: `${n}x` })),
];

export const discord: DiscordCommand = {
  names: ['calldata'],
  definitions: (base) => [
    base('calldata', 'Call data to vote on a referendum from your own wallet (Herald never holds keys)')
      .addIntegerOption((o) =>
        o
          .setName(OPTION.referendum)
          .setDescription('Referendum number (an ongoing one)')
          .setRequired(true)
          .setMinValue(0)
          .setMaxValue(MAX_REFERENDUM_ID)
          .setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName(VOTE)
          .setDescription('Aye or nay (both at 1x for 1 KSM when left out)')
          .addChoices({ name: 'Aye', value: 'aye' }, { name: 'Nay', value: 'nay' }),
      )
      .addStringOption((o) =>
        o.setName(AMOUNT).setDescription('KSM to vote with, e.g. 12.5').setMinLength(1).setMaxLength(40),
      )
      .addStringOption((o) =>
        o
          .setName(CONVICTION)
          .setDescription('Conviction (1x when left out)')
          .addChoices(...CONVICTIONS),
      ),
  ],
  request: plainRequest('calldata', OPTION.referendum, VOTE, AMOUNT, CONVICTION),
};
