/**
 * A card with its chart: a Telegram photo whose caption is the card (edited with editMessageMedia,
 * closed with editMessageCaption), a Discord embed with the chart as its image (replaced on each
 * edit, removed on the final one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReferendumChart } from '../../../bots/chart/index.js';
import { type CardWorld, ended, KSM, ongoing, RELAY, startCardWorld, TARGETS } from './card-world.js';

let world: CardWorld;
beforeAll(async () => {
  world = await startCardWorld('cards-chart');
});
afterAll(() => world?.close());

const PNG = [0x89, 0x50, 0x4e, 0x47];
const richer = { tally: { ayes: 6_000n * KSM, nays: 0n, support: 800n * KSM } };

describe('cards with the chart', () => {
  it('on Telegram are a photo, its media replaced on an edit and its caption on the close', async () => {
    await world.subscribe('telegram', { kind: 'cards', track: null });
    await world.commit([ongoing(700)]);
    await world.run('telegram', { renderChart: renderReferendumChart });
    const [photo] = world.telegram.callsOf('sendPhoto');
    expect([...photo!.files.photo!.bytes.slice(0, 4)]).toEqual(PNG);
    expect(String(photo!.params.caption)).toContain('Referendum #700');
    const [card] = world.telegram.messages(TARGETS.telegram.id);
    expect(card!.form).toBe('photo');

    await world.commit([ongoing(700, richer)]);
    await world.run('telegram', { renderChart: renderReferendumChart });
    expect(world.telegram.callsOf('editMessageMedia').filter((c) => c.status === 200)).toHaveLength(1);
    expect(world.telegram.messages(TARGETS.telegram.id)[0]!.caption).toContain('ayes 6,000 KSM');

    await world.commit([ended(700, 'approved', RELAY + 9_000)]);
    const closed = await world.run('telegram', { renderChart: renderReferendumChart });
    expect(closed.counts.closed).toBe(1);
    expect(world.telegram.callsOf('editMessageCaption').filter((c) => c.status === 200)).toHaveLength(1);
    expect(world.telegram.messages(TARGETS.telegram.id)[0]!.caption).toContain(
      'Final: this card is no longer edited',
    );
    expect(world.telegram.delivered(TARGETS.telegram.id)).toHaveLength(1);
  });

  it('on Discord carry the chart as the embed image, replaced on an edit and dropped on the close', async () => {
    await world.subscribe('discord', { kind: 'cards', track: null });
    await world.commit([ongoing(710)]);
    await world.run('discord', { renderChart: renderReferendumChart });
    const [post] = world.discord.matching('POST', /^\/channels\/[0-9]+\/messages$/);
    expect(post!.files.map((f) => f.fileName)).toEqual(['referendum-710.png']);
    expect((post!.json as { embeds: Array<{ image?: { url: string } }> }).embeds[0]!.image?.url).toBe(
      'attachment://referendum-710.png',
    );

    await world.commit([ongoing(710, richer)]);
    await world.run('discord', { renderChart: renderReferendumChart });
    const [edit] = world.discord.matching('PATCH', /^\/channels\/[0-9]+\/messages\/[0-9]+$/);
    expect(edit!.files).toHaveLength(1);
    expect((edit!.json as { attachments: unknown[] }).attachments).toEqual([
      { id: 0, filename: 'referendum-710.png' },
    ]);

    await world.commit([ended(710, 'rejected', RELAY + 9_000)]);
    await world.run('discord', { renderChart: renderReferendumChart });
    const close = world.discord.matching('PATCH', /^\/channels\/[0-9]+\/messages\/[0-9]+$/)[1]!;
    expect(close.files).toHaveLength(0);
    expect((close.json as { attachments: unknown[] }).attachments).toEqual([]);
    expect(world.discord.created(TARGETS.discord.id)).toHaveLength(1);
  });
});
