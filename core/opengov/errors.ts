/**
 * What can be wrong with a referendum's inputs. Fatal codes make `evaluateReferendum` return an
 * `unavailable` view; the others ride along on a view as warnings. Nothing here throws.
 */
export type OpenGovIssueCode =
  | 'badInput'
  | 'unknownTrack'
  | 'trackMismatch'
  | 'badTrack'
  | 'badTally'
  | 'zeroIssuance'
  | 'clockBehind'
  | 'noVotes'
  | 'supportAboveIssuance';

export interface OpenGovIssue {
  code: OpenGovIssueCode;
  message: string;
}

const MESSAGES: Record<OpenGovIssueCode, string> = {
  badInput: 'The referendum or the snapshot context is malformed.',
  unknownTrack: 'The referendum is on a track this snapshot does not describe.',
  trackMismatch: 'The track given does not match the referendum track.',
  badTrack: 'The track parameters are malformed (its decision period must be a positive block count).',
  badTally: 'The tally holds a negative or non-integer amount.',
  zeroIssuance: 'Active issuance is zero or missing, so support cannot be computed.',
  clockBehind:
    'The snapshot relay block is before a block the referendum records; elapsed time counts as zero.',
  noVotes: 'No votes yet: approval reads 100% with no votes, as on chain, and support is zero.',
  supportAboveIssuance: 'Support exceeds active issuance; it reads 100%, as on chain.',
};

export function openGovIssue(code: OpenGovIssueCode, detail?: string): OpenGovIssue {
  return { code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code] };
}
