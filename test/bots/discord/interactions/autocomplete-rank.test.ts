import { describe, expect, it } from 'vitest';
import { type ReferendumCandidate, rankReferenda } from '../../../../bots/discord/interactions/index.js';

const ongoing = (id: number, text = 'Treasurer · system.remark'): ReferendumCandidate => ({ id, text });
const ids = (typed: string, all: ReferendumCandidate[]) => rankReferenda(all, typed).map((c) => c.value);

describe('referendum autocomplete', () => {
  const all = [
    ...[39, 37, 32, 29, 28, 24, 20, 12, 2].map((id) => ongoing(id)),
    ongoing(215, 'Big Spender · treasury.spend 2,000 KSM'),
    ongoing(41, 'Root · 2 calls'),
    { id: 21, text: 'ended: approved', ended: true },
  ];

  it('puts numbers starting with what was typed first, in number order, then text matches newest first', () => {
    expect(ids('2', all)).toEqual([2, 20, 21, 24, 28, 29, 215, 41]);
  });

  it('matches "#2" like "2", and text in any letter case after the numbers', () => {
    expect(ids('#2', all)).toEqual(ids('2', all));
    expect(ids('big', all)).toEqual([215]);
    expect(ids('ROOT', all)).toEqual([41]);
  });

  it('lists ongoing referenda newest first when nothing is typed; an ended one only to its number', () => {
    expect(ids('', all)).toEqual([215, 41, 39, 37, 32, 29, 28, 24, 20, 12, 2]);
    expect(ids('approved', all)).toEqual([]);
    expect(rankReferenda(all, '21')[0]).toEqual({ name: '#21 · ended: approved', value: 21 });
  });

  it('offers at most 25, each name within 100 characters', () => {
    const many = Array.from({ length: 300 }, (_, i) => ongoing(i, 'x'.repeat(200)));
    const choices = rankReferenda(many, '1');
    expect(choices).toHaveLength(25);
    expect(choices.slice(0, 4).map((c) => c.value)).toEqual([1, 10, 11, 12]);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});
