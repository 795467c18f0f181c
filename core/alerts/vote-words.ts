/**
 * Votes in alert facts and words: `AccountVote` with its amounts as decimal strings (alert facts
 * travel as JSON), and how a vote, a conviction and a lock read ("Aye with 3x conviction, 25 KSM").
 */
import { RELAY_BLOCK_MS } from '../kusama/constants.js';
import type { AccountVote, Conviction } from '../types/voting.js';
import { ksm } from './wording.js';

export type VoteFacts =
  | { type: 'standard'; aye: boolean; conviction: Conviction; balance: string }
  | { type: 'split'; aye: string; nay: string }
  | { type: 'splitAbstain'; aye: string; nay: string; abstain: string };

export function voteFacts(vote: AccountVote): VoteFacts {
  if (vote.type === 'standard')
    return { type: 'standard', aye: vote.aye, conviction: vote.conviction, balance: vote.balance.toString() };
  if (vote.type === 'split') return { type: 'split', aye: vote.aye.toString(), nay: vote.nay.toString() };
  return {
    type: 'splitAbstain',
    aye: vote.aye.toString(),
    nay: vote.nay.toString(),
    abstain: vote.abstain.toString(),
  };
}

/** "3x conviction", "no conviction (0.1x)". */
export function convictionWords(conviction: number): string {
  return conviction === 0 ? 'no conviction (0.1x)' : `${conviction}x conviction`;
}

/** "2x", "0.1x": a delegation's or vote's multiplier alone. */
export function multiplier(conviction: number): string {
  return conviction === 0 ? '0.1x' : `${conviction}x`;
}

/** "Aye", "Nay", "split", "abstain": a vote in one word. */
export function voteSide(vote: VoteFacts): string {
  if (vote.type === 'standard') return vote.aye ? 'Aye' : 'Nay';
  return vote.type === 'split' ? 'split' : 'abstain';
}

/** "Aye with 3x conviction, 120 KSM", "split: 10 KSM aye, 5 KSM nay", "abstain: …". */
export function voteWords(vote: VoteFacts): string {
  if (vote.type === 'standard')
    return `${vote.aye ? 'Aye' : 'Nay'} with ${convictionWords(vote.conviction)}, ${ksm(vote.balance)}`;
  if (vote.type === 'split') return `split: ${ksm(vote.aye)} aye, ${ksm(vote.nay)} nay`;
  return `abstain: ${ksm(vote.abstain)} abstain, ${ksm(vote.aye)} aye, ${ksm(vote.nay)} nay`;
}

/** "#412 (Fund the Kusama shield)" or "#412". */
export function referendumWords(referendum: number, title: string | null | undefined): string {
  return title ? `#${referendum} (${title})` : `#${referendum}`;
}

/** Lock periods as days: 100,800 relay blocks a period are 7 days. */
export function periodDays(periods: number, voteLockingPeriod: number): number {
  return Math.round((periods * voteLockingPeriod * RELAY_BLOCK_MS) / 86_400_000);
}
