/**
 * Live referendum cards end to end: versions committed through the real store into dynalite, the
 * card job over real HTTP to the fake Telegram and Discord, on both platforms.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../../core/ports/notifier.js';
import { type CardWorld, ended, KSM, ongoing, RELAY, startCardWorld, TARGETS } from './card-world.js';

let world: CardWorld;
beforeAll(async () => {
  world = await startCardWorld('cards');
});
afterAll(() => world?.close());

/** The cards the target shows now: their text, oldest first. */
function shown(platform: Platform): string[] {
  if (platform === 'telegram')
    return world.telegram.messages(TARGETS.telegram.id).map((m) => m.text ?? m.caption ?? '');
  return world.discord.shown(TARGETS.discord.id).map((m) => {
    const embed = (
      m.json.embeds as Array<{ title: string; description: string; footer?: { text: string } }>
    )[0]!;
    return `${embed.title}\n${embed.description}\n${embed.footer?.text ?? ''}`;
  });
}

/** Every message ever created in the target, deleted ones included. */
function created(platform: Platform): number {
  return platform === 'telegram'
    ? world.telegram.delivered(TARGETS.telegram.id).length
    : world.discord.created(TARGETS.discord.id).length;
}

function edits(platform: Platform): number {
  return platform === 'telegram'
    ? world.telegram.calls.filter((c) => c.method.startsWith('edit') && c.status === 200).length
    : world.discord.matching('PATCH', /^\/channels\/[0-9]+\/messages\/[0-9]+$/).length;
}

function deleteFirst(platform: Platform): void {
  if (platform === 'telegram') {
    const [m] = world.telegram.messages(TARGETS.telegram.id);
    world.telegram.deleteMessage(TARGETS.telegram.id, m!.messageId);
  } else {
    const [m] = world.discord.shown(TARGETS.discord.id);
    world.discord.deleteMessage(TARGETS.discord.id, m!.id);
  }
}

describe.each(['telegram', 'discord'] as const)('cards on %s', (platform) => {
  const target = TARGETS[platform];
  let nextId = platform === 'telegram' ? 100 : 200;

  beforeEach(async () => {
    world.telegram.reset();
    world.discord.reset();
    await world.subscriptions.unsubscribe(target, { type: 'all' });
  });

  it('creates a card, edits it on each change only, and closes it once with the outcome', async () => {
    const id = nextId++;
    await world.subscribe(platform, { kind: 'cards', track: null });
    await world.commit([ongoing(id)]);
    const first = await world.run(platform);
    expect(first.counts.created).toBe(1);
    expect(shown(platform)).toHaveLength(1);
    expect(shown(platform)[0]).toMatch(new RegExp(`Referendum #${id} · Small Spender`));
    expect(shown(platform)[0]).toContain('Live card: edited when the referendum changes');

    // The same version again: nothing sent, nothing edited.
    const again = await world.run(platform);
    expect(again.counts.created + again.counts.edited).toBe(0);
    expect(created(platform)).toBe(1);
    expect(edits(platform)).toBe(0);

    // A new version with the same referendum, a little later: no edit.
    const before = shown(platform)[0];
    await world.commit([ongoing(id)], 2);
    await world.run(platform);
    expect(shown(platform)[0]).toBe(before);
    expect(edits(platform)).toBe(0);

    // The tally moves: one edit, in place.
    await world.commit([
      ongoing(id, { tally: { ayes: 9_000n * KSM, nays: 1_000n * KSM, support: 900n * KSM } }),
    ]);
    expect((await world.run(platform)).counts.edited).toBe(1);
    expect(edits(platform)).toBe(1);
    expect(shown(platform)[0]).toContain('ayes 9,000 KSM');

    // Confirmation starts: one more edit with the new phase.
    const confirming = ongoing(id, {
      tally: { ayes: 9_000n * KSM, nays: 1_000n * KSM, support: 900n * KSM },
      deciding: { since: RELAY - 14_400, confirming: RELAY + 20_000 },
    });
    await world.commit([confirming]);
    expect((await world.run(platform)).counts.edited).toBe(1);
    expect(shown(platform)[0]).toMatch(/Phase:\W*confirming/i);
    expect(created(platform)).toBe(1);

    // It is approved: the final edit, then never touched again.
    await world.commit([ended(id, 'approved', RELAY + 30_000)]);
    expect((await world.run(platform)).counts.closed).toBe(1);
    expect(shown(platform)[0]).toMatch(/Ended:\W*approved/);
    expect(shown(platform)[0]).toContain('Final: this card is no longer edited');
    const editsAtClose = edits(platform);
    await world.commit([ended(id, 'approved', RELAY + 30_000)]);
    await world.run(platform);
    expect(edits(platform)).toBe(editsAtClose);
    expect(created(platform)).toBe(1);
    const record = await world.cards.get(target, id);
    expect(record?.state).toBe('closed');
  });

  it('gives a referendum the subscription does not cover no card, and retires cards on unsubscribe', async () => {
    const covered = nextId++;
    const other = nextId++;
    await world.subscribe(platform, { kind: 'cards', track: 32 });
    await world.commit([ongoing(covered), ongoing(other, { track: 33, origin: 'Origins.MediumSpender' })]);
    await world.run(platform);
    expect(shown(platform)).toHaveLength(1);
    expect(shown(platform)[0]).toContain(`Referendum #${covered}`);

    await world.subscriptions.unsubscribe(target, { type: 'kind', kind: 'cards' });
    await world.commit([ongoing(covered, { tally: { ayes: 5_000n * KSM, nays: 0n, support: 700n * KSM } })]);
    const after = await world.run(platform);
    expect(after.counts.retired).toBe(1);
    expect(edits(platform)).toBe(0);
    expect((await world.cards.get(target, covered))?.state).toBe('retired');
    expect(await world.cards.get(target, other)).toBeUndefined();

    // Subscribed again: a new card for the ongoing referendum, the retired one left as it was.
    await world.subscribe(platform, { kind: 'cards', track: 32 });
    await world.commit([ongoing(covered, { tally: { ayes: 5_000n * KSM, nays: 0n, support: 700n * KSM } })]);
    expect((await world.run(platform)).counts.created).toBe(1);
    expect(created(platform)).toBe(2);
    expect(await world.cards.get(target, covered)).toMatchObject({ state: 'live', generation: 1 });
  });

  it('sends a deleted card again while ongoing, and retires it quietly once ended', async () => {
    const id = nextId++;
    await world.subscribe(platform, { kind: 'cards', track: null });
    await world.commit([ongoing(id)]);
    await world.run(platform);
    deleteFirst(platform);
    await world.commit([ongoing(id, { tally: { ayes: 2_000n * KSM, nays: 0n, support: 600n * KSM } })]);
    const recreated = await world.run(platform);
    expect(recreated.counts.created).toBe(1);
    expect(created(platform)).toBe(2);
    expect(shown(platform)).toHaveLength(1);
    expect(shown(platform)[0]).toContain('ayes 2,000 KSM');

    deleteFirst(platform);
    await world.commit([ended(id, 'rejected', RELAY + 40_000)]);
    const end = await world.run(platform);
    expect(end.counts.retired).toBe(1);
    expect(created(platform)).toBe(2);
    expect(shown(platform)).toHaveLength(0);
    expect((await world.cards.get(target, id))?.state).toBe('retired');
  });

  it('retires every card of a target that removed the bot, without crashing the job', async () => {
    const a = nextId++;
    const b = nextId++;
    await world.subscribe(platform, { kind: 'cards', track: null });
    await world.commit([ongoing(a), ongoing(b)]);
    expect((await world.run(platform)).counts.created).toBe(2);
    if (platform === 'telegram')
      world.telegram.setChat(target.id, {
        code: 403,
        description: 'Forbidden: bot was kicked from the supergroup chat',
      });
    else world.discord.fail('PATCH', /messages/, { status: 403 }, 5);
    await world.commit([
      ongoing(a, { tally: { ayes: 7_000n * KSM, nays: 0n, support: 600n * KSM } }),
      ongoing(b, { tally: { ayes: 7_000n * KSM, nays: 0n, support: 600n * KSM } }),
    ]);
    const run = await world.run(platform);
    expect(run.counts.gone).toBe(1);
    expect(run.counts.retired).toBe(1);
    expect((await world.cards.get(target, a))?.state).toBe('retired');
    expect((await world.cards.get(target, b))?.state).toBe('retired');
    expect((await world.subscriptions.listSubscriptions(target))?.disabled).not.toBeNull();
    if (platform === 'telegram') world.telegram.setChat(target.id, null);
    await world.subscriptions.enableTarget(target);
  });
});
