/**
 * "Your delegate voted": a watched address delegates a track, and its delegate has a vote on an
 * ongoing referendum of that track that it did not have (or had otherwise) in the previous version.
 */
import { accountButtons, referendumButtons } from '../alert-links.js';
import { castVote, delegations, type VoterInput, voteKey } from '../detect-voters.js';
import { addressAlertId, digest } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import {
  multiplier,
  referendumWords,
  type VoteFacts,
  voteFacts,
  voteSide,
  voteWords,
} from '../vote-words.js';
import { ksm } from '../wording.js';

export interface DelegateVotedFacts {
  kind: 'delegate-voted';
  address: string;
  referendum: number;
  track: number;
  title: string | null;
  delegate: { address: string };
  vote: VoteFacts;
  /** What the address delegates on the track. */
  delegated: { balance: string; conviction: number };
}

function detect({ address, after, context }: VoterInput): Found<DelegateVotedFacts>[] {
  if (!context.hasBase) return [];
  const found: Found<DelegateVotedFacts>[] = [];
  for (const { track, voting } of delegations(after)) {
    const records = context.delegates.get(voting.target);
    const cast = records?.after?.classes[track];
    if (cast?.type !== 'casting') continue;
    for (const { referendum, vote } of cast.votes) {
      const ongoing = context.ongoing.get(referendum);
      if (!ongoing || ongoing.track !== track) continue;
      const key = voteKey(vote);
      const was = castVote(records?.before, referendum);
      if (was && voteKey(was.vote) === key) continue;
      found.push({
        id: addressAlertId('dvote', address, referendum, voting.target, digest(key)),
        scope: { type: 'address', address },
        facts: {
          kind: 'delegate-voted',
          address,
          referendum,
          track,
          title: ongoing.title,
          delegate: { address: voting.target },
          vote: voteFacts(vote),
          delegated: { balance: voting.balance.toString(), conviction: voting.conviction },
        },
      });
    }
  }
  return found;
}

export const delegateVoted: AlertRule<DelegateVotedFacts, 'voters'> = {
  kind: 'delegate-voted',
  group: 'votes',
  description: "a watched address's delegate voted",
  severity: 'info',
  source: 'voters',
  detect,
  message: (f, w) => {
    const standard = f.vote.type === 'standard';
    const yours = `your ${ksm(f.delegated.balance)} at ${multiplier(f.delegated.conviction)}`;
    return {
      title: `Referendum #${f.referendum}: your delegate voted ${voteSide(f.vote)}`,
      lines: [
        w.track(f.track),
        `Your delegate ${w.account(f.delegate.address)} voted ${voteWords(f.vote)} on ${referendumWords(f.referendum, f.title)}${
          standard
            ? ` — ${yours} go with it.`
            : `. Delegated votes count only with an Aye or Nay vote, so ${yours} do not count on this one.`
        }`,
        `${w.account(f.address)} delegates this track to ${w.account(f.delegate.address)}.`,
      ],
      links: [...referendumButtons(f.referendum), ...accountButtons(f.address)],
    };
  },
};
