import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASE_COLOURS } from '../../../../bots/discord/render/index.js';
import { type Answer, type DiscordHarness, opt, slash, startDiscordHarness } from '../harness.js';

type Embed = {
  title: string;
  description?: string;
  color: number;
  footer?: { text: string };
  fields?: Array<{ name: string; value: string }>;
  image?: { url: string };
};

const embedOf = (a: Answer) => (a.body.data?.embeds as Embed[] | undefined)?.[0];
const isEphemeral = (a: Answer) => a.body.data?.flags === 64;
const buttons = (a: Answer) =>
  (
    (a.body.data?.components as Array<{ components: Array<{ label: string; custom_id: string }> }>) ?? []
  ).flatMap((r) => r.components);

describe('Discord interactions endpoint over HTTP', () => {
  let h: DiscordHarness;

  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('signature', () => {
    const ping = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't', version: 1 });

    it('answers a signed PING with PONG', async () => {
      const answer = await h.post(undefined, h.signer.headers(ping), ping);
      expect(answer).toEqual({ status: 200, body: { type: 1 } });
    });

    it('refuses a tampered body, signature or timestamp, a stale or a missing signature with 401', async () => {
      const good = h.signer.headers(ping);
      const flipped = good['x-signature-ed25519']!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      const old = String(Math.floor(Date.now() / 1000) - 600);
      const cases: Array<[string, Record<string, string>, string]> = [
        ['tampered body', good, ping.replace('"type":1', '"type":2')],
        ['tampered signature', { ...good, 'x-signature-ed25519': flipped }, ping],
        [
          'tampered timestamp',
          { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) },
          ping,
        ],
        ['stale', h.signer.headers(ping, old), ping],
        ['missing', { 'content-type': 'application/json' }, ping],
        ['malformed signature', { ...good, 'x-signature-ed25519': 'zz' }, ping],
      ];
      for (const [label, headers, body] of cases) {
        const answer = await h.post(undefined, headers, body);
        expect(answer.status, label).toBe(401);
        expect(answer.body.error, label).toBe('invalid request signature');
      }
    });

    it('answers a signed body that is not an interaction with 400, not 500', async () => {
      for (const raw of ['not json', '[1,2]', 'null']) {
        expect((await h.post(undefined, h.signer.headers(raw), raw)).status).toBe(400);
      }
    });
  });

  describe('answers from DynamoDB', () => {
    it('/status states the relay block and data age', async () => {
      const answer = await h.post(slash('status'));
      expect(answer.status).toBe(200);
      expect(answer.body.type).toBe(4);
      const embed = embedOf(answer)!;
      expect(embed.title).toBe('Herald status');
      const relay = h.scenario.expected.anchor.relayBlock.toLocaleString('en-US');
      expect(embed.footer?.text).toContain(`relay block #${relay}`);
      expect(embed.description).toContain(`**Relay block:** \\#${relay}`);
      expect(isEphemeral(answer)).toBe(false);
      expect(answer.body.data?.allowed_mentions).toEqual({ parse: [] });
    });

    it('/stake answers an embed of the account with a Subscribe button', async () => {
      const address = h.scenario.fixtures.nominators.allTargetsActive;
      const answer = await h.post(slash('stake', [opt('address', address)]));
      const embed = embedOf(answer)!;
      expect(embed.title).toBe(`Staking of ${address}`);
      expect(embed.fields?.some((f) => f.name.startsWith('Nominations'))).toBe(true);
      const links = buttons(answer) as Array<{ style?: number; url?: string }>;
      expect(links.filter((b) => b.style === 5).map((b) => b.url)).toEqual([
        `https://assethub-kusama.subscan.io/account/${address}`,
      ]);
      const subscribe = buttons(answer).find((b) => b.label === 'Subscribe');
      expect(subscribe?.custom_id).toMatch(new RegExp(`^h1:d:/sub(scribe)? address ${address}$`));
    });

    it('/validator, /era, /tracks, /referenda and /help answer embeds', async () => {
      const v = h.scenario.fixtures.validators.elected[0]!;
      expect(embedOf(await h.post(slash('validator', [opt('address', v)])))?.title).toMatch(/^Validator /);
      const era = embedOf(await h.post(slash('era')))!;
      expect(era.title).toBe(`Era ${h.scenario.expected.staking.activeEra.index.toLocaleString('en-US')}`);
      const tracks = embedOf(await h.post(slash('tracks')))!;
      expect(tracks.description?.split('\n')).toHaveLength(h.scenario.expected.governance.tracks.length);
      const referenda = await h.post(slash('referenda'));
      const ongoing = Object.values(h.scenario.expected.governance.referenda).filter(
        (r) => r.status === 'ongoing',
      );
      expect(embedOf(referenda)?.title).toContain(`${ongoing.length} referenda`);
      const help = embedOf(await h.post(slash('help', [opt('command', 'referenda')])))!;
      expect(help.title).toBe('/referenda');
    });

    it('/referenda pages with buttons that replace the message', async () => {
      const first = await h.post(slash('referenda', [opt('status', 'all')]));
      const next = buttons(first).find((b) => b.label.startsWith('Page 2'));
      expect(next?.custom_id).toBe('h1:u:/referenda all page 2');
      const pressed = await h.post({
        ...slash('x'),
        type: 3,
        data: { component_type: 2, custom_id: next!.custom_id },
        message: { id: '1300000000000000077', embeds: [] },
      });
      expect(pressed.body.type).toBe(7);
      expect(embedOf(pressed)?.title).toContain('page 2/');
    });
  });

  describe('bad input gets an ephemeral answer, never a 500', () => {
    const cases: Array<[string, ReturnType<typeof slash>, RegExp]> = [
      ['an unknown command', slash('frobnicate'), /not a command|unknown|Did you mean|\/help/i],
      ['a missing option', slash('stake'), /address/i],
      [
        'an overlong option',
        slash('stake', [opt('address', 'H'.repeat(600))]),
        /limit is 512|too long|characters/i,
      ],
      ['a garbage address', slash('stake', [opt('address', 'not-an-address!!')]), /not a valid address/],
      ['an unknown referendum', slash('referendum', [opt('id', 4_000_000, 4)]), /not in the snapshot/],
      ['a non-numeric referendum', slash('referendum', [opt('id', 'abc')]), /not a referendum number/],
      ['an option of the wrong type', slash('referendum', [opt('id', { nested: true }, 4)]), /referendum/i],
      ['an unknown track', slash('referenda', [opt('track', 'no_such_track')]), /track/i],
    ];
    for (const [label, payload, message] of cases) {
      it(label, async () => {
        const answer = await h.post(payload);
        expect(answer.status).toBe(200);
        expect(answer.body.type).toBe(4);
        expect(isEphemeral(answer)).toBe(true);
        const embed = embedOf(answer)!;
        expect(`${embed.title}\n${embed.description}`).toMatch(message);
        expect(buttons(answer)).toEqual([]);
      });
    }

    it('a button this bot did not make, a modal and an empty interaction', async () => {
      const foreign = await h.post({
        ...slash('x'),
        type: 3,
        data: { component_type: 2, custom_id: 'something-else' },
      });
      expect(isEphemeral(foreign)).toBe(true);
      const modal = await h.post({ ...slash('x'), type: 5, data: { custom_id: 'm', components: [] } });
      expect(isEphemeral(modal)).toBe(true);
      const empty = await h.post({});
      expect(empty.status).toBe(200);
      expect(isEphemeral(empty)).toBe(true);
    });
  });

  describe('autocomplete', () => {
    const ongoingIds = () =>
      Object.values(h.scenario.expected.governance.referenda)
        .filter((r) => r.status === 'ongoing')
        .map((r) => r.id)
        .sort((a, b) => b - a);
    const focused = (value: unknown) => ({
      ...slash('referendum', [{ name: 'id', type: 4, value, focused: true }]),
      type: 4,
    });

    it('lists ongoing referenda, newest first, with titles, for an empty prefix', async () => {
      const answer = await h.post(focused(''));
      expect(answer.body.type).toBe(8);
      const choices = answer.body.data?.choices as Array<{ name: string; value: number }>;
      expect(choices.map((c) => c.value)).toEqual(ongoingIds().slice(0, 25));
      for (const c of choices) {
        expect(c.name).toMatch(new RegExp(`^#${c.value} · `));
        expect(c.name.length).toBeLessThanOrEqual(100);
      }
    });

    it('filters by the typed digits', async () => {
      const id = ongoingIds()[0]!;
      const prefix = String(id).slice(0, 1);
      const choices = (await h.post(focused(prefix))).body.data?.choices as Array<{
        name: string;
        value: number;
      }>;
      expect(choices.length).toBeGreaterThan(0);
      for (const c of choices)
        expect(String(c.value).startsWith(prefix) || c.name.includes(prefix)).toBe(true);
      expect(choices.map((c) => c.value)).toContain(id);
      // Numbers starting with the digits come first, in number order.
      const numbered = choices.filter((c) => String(c.value).startsWith(prefix)).map((c) => c.value);
      expect(choices.slice(0, numbered.length).map((c) => c.value)).toEqual(numbered);
      expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
      const none = (await h.post(focused('99999999'))).body.data?.choices;
      expect(none).toEqual([]);
    });

    it('offers no addresses to a user without address subscriptions', async () => {
      const answer = await h.post({
        ...slash('stake', [{ name: 'address', type: 3, value: '', focused: true }]),
        type: 4,
      });
      expect(answer.body).toEqual({ type: 8, data: { choices: [] } });
    });
  });

  describe('deferred answers', () => {
    it('/referendum defers, then the follow-up edits in the embed coloured by phase with the chart attached', async () => {
      const id = h.scenario.fixtures.referenda.deciding[0]!;
      h.fake.reset();
      const answer = await h.post(slash('referendum', [opt('id', id, 4)]));
      expect(answer.body).toEqual({ type: 5 });
      await h.followups.drain();
      const [edit] = h.fake.matching('PATCH', /^\/webhooks\/[0-9]+\/[^/]+\/messages\/@original$/);
      expect(h.logs).toEqual([]);
      expect(edit).toBeDefined();
      expect(edit!.headers.authorization).toBeUndefined();
      const body = edit!.json as { embeds: Embed[]; attachments: Array<{ filename: string }> };
      const embed = body.embeds[0]!;
      expect(embed.title).toContain(`Referendum #${id}`);
      expect([PHASE_COLOURS.deciding, PHASE_COLOURS.confirming]).toContain(embed.color);
      expect(embed.footer?.text).toContain('relay block');
      const file = edit!.files[0]!;
      expect(embed.image?.url).toBe(`attachment://${file.fileName}`);
      expect(body.attachments[0]?.filename).toBe(file.fileName);
      expect(Buffer.from(file.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
      const labels = (
        edit!.json as { components: Array<{ components: Array<{ label: string }> }> }
      ).components.flatMap((r) => r.components.map((c) => c.label));
      expect(labels).toContain('Alert me before the deadline');
    });

    it('an ended referendum is coloured by its outcome', async () => {
      const id = h.scenario.fixtures.referenda.approved[0]!;
      h.fake.reset();
      const answer = await h.post(slash('referendum', [opt('id', id, 4)]));
      // An ended referendum has no curves to chart, so it is answered at once.
      expect(answer.body.type).toBe(4);
      const embed = embedOf(answer)!;
      expect(embed.color).toBe(PHASE_COLOURS.approved);
    });

    it('defers an answer slower than the budget and sends it from the follow-up', async () => {
      const slow = await h.slowEndpoint(400);
      h.fake.reset();
      const answer = await slow.post(slash('era'));
      expect(answer.body).toEqual({ type: 5 });
      await slow.followups.drain();
      const [edit] = h.fake.matching('PATCH', /@original$/);
      expect((edit!.json as { embeds: Embed[] }).embeds[0]!.title).toMatch(/^Era /);
    });

    it('a slow answer that turns out to be an error replaces the deferred message with an ephemeral one', async () => {
      const slow = await h.slowEndpoint(400);
      h.fake.reset();
      const answer = await slow.post(slash('referendum', [opt('id', 4_000_000, 4)]));
      expect(answer.body).toEqual({ type: 5 });
      await slow.followups.drain();
      expect(h.fake.matching('DELETE', /@original$/)).toHaveLength(1);
      const [sent] = h.fake.matching('POST', /^\/webhooks\/[0-9]+\/[^/]+$/);
      expect((sent!.json as { flags: number }).flags).toBe(64);
    });
  });
});
