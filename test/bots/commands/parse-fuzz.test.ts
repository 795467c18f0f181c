import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLine, parseCommand } from '../../../bots/commands/parse.js';
import { COMMANDS, type Command } from '../../../bots/commands/registry.js';
import { ALERT_KINDS } from '../../../core/alerts/alert-types.js';
import { MAX_INPUT_CHARS, REFERENDA_STATUSES } from '../../../core/commands/index.js';

const CODES = new Set([
  'empty',
  'too-long',
  'odd-unicode',
  'unknown-command',
  'missing-argument',
  'extra-argument',
  'invalid-address',
  'invalid-referendum-id',
  'invalid-vote',
  'invalid-amount',
  'invalid-conviction',
  'invalid-page',
  'unknown-subscription-kind',
  'invalid-lead-time',
  'unknown-subscription',
  'invalid-hours',
  'invalid-quiet-hours',
  'unknown-alert-kind',
  'unknown-spend-filter',
  'invalid-spend-index',
  'unknown-bounty-status',
  'invalid-bounty-ref',
  'invalid-para',
  'invalid-stall-time',
]);

/** Control characters, invisible marks and lone surrogates a reply must never echo. */
function oddCodePoints(text: string): number[] {
  const odd: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const control = (cp < 0x20 && cp !== 0x0a) || cp === 0x7f;
    const invisible = (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e);
    if (control || invisible || (cp >= 0xd800 && cp <= 0xdfff)) odd.push(cp);
  }
  return odd;
}

const ADDRESSES = [
  'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F',
  'FipBhV2SiNH86Mn8KcTJnZGyB7AsrFgtf17gZKNeLvXkxd9',
  'J6QwK4MMCKxNAsJuCvb4RF4An6mdByvp1ZTfDa1szuz9BaW',
];
const WORDS = [
  ...COMMANDS.flatMap(({ help: c }) => [c.name, `/${c.name}`, ...c.aliases.map((a) => `/${a}`)]),
  ...ADDRESSES,
  'referenda',
  'deadlines',
  'address',
  'all',
  'page',
  'deciding',
  '#12',
  '24h,1h',
  'treasurer',
  '32',
  '-1',
  '22:00-07:00',
  'UTC+2',
  'off',
  'default',
  'for',
  'r1x9kq',
  'staking',
  'era-paid',
  '48h',
  '',
];

/** Lines made of command words, plausible arguments and random (full Unicode) junk. */
const lines = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...WORDS),
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
      {
        maxLength: 16,
      },
    )
    .map((words) => words.join(' ')),
);

describe('parser fuzzing', () => {
  it('never throws, and refuses with a known code, a message and printable echoes', () => {
    fc.assert(
      fc.property(lines, (line) => {
        const parsed = parseCommand(line);
        if (parsed.ok) {
          expect(typeof parsed.value.name).toBe('string');
          return;
        }
        expect(CODES.has(parsed.error.code), parsed.error.code).toBe(true);
        expect(parsed.error.message.length).toBeGreaterThan(10);
        for (const text of [parsed.error.message, parsed.error.hint ?? '', parsed.error.input ?? ''])
          expect(oddCodePoints(text)).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  });

  it('a valid line with an invisible or control character inserted anywhere is refused', () => {
    const odd = fc.constantFrom(
      '\u200b',
      '\u200e',
      '\u202e',
      '\u2066',
      '\u0000',
      '\u001b',
      '\ufeff',
      '\u00ad',
      '🙂',
    );
    const valid = fc.constantFrom(
      '/era',
      '/referendum 412',
      `/stake ${ADDRESSES[0]}`,
      '/referenda treasurer deciding',
    );
    fc.assert(
      fc.property(valid, odd, fc.nat(), (line, ch, at) => {
        const i = at % (line.length + 1);
        const parsed = parseCommand(line.slice(0, i) + ch + line.slice(i));
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.error.code).toBe('odd-unicode');
      }),
    );
  });

  it('anything longer than the limit is refused as too long', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_INPUT_CHARS + 1, max: 20_000 }),
        fc.constantFrom('a', ' ', '7'),
        (n, ch) => {
          const parsed = parseCommand(`/referenda ${ch.repeat(n)}`);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.error.code).toBe('too-long');
        },
      ),
      { numRuns: 50 },
    );
  });
});

const account = fc.constantFrom(...ADDRESSES).map((address) => ({
  address,
  input: address,
  inputPrefix: 2,
  converted: false,
}));
const trackQuery = fc.constantFrom('treasurer', 'small_spender', '0', '34', 'whitelisted_caller');
const leads = fc
  .uniqueArray(fc.integer({ min: 10, max: 14 * 1440 }), { minLength: 1, maxLength: 4 })
  .map((m) => m.sort((a, b) => b - a));
const subscriptionId = fc.stringMatching(/^[rda][0-9a-z]{5}$/);
/** The settings commands' "for <id>": one subscription, or (null) the whole chat. */
const scope = fc.option(subscriptionId, { nil: null });
const commands: fc.Arbitrary<Command> = fc.oneof(
  account.map((a) => ({ name: 'stake' as const, account: a })),
  account.map((a) => ({ name: 'validator' as const, account: a })),
  fc.integer({ min: 0, max: 0xffffffff }).map((id) => ({ name: 'referendum' as const, id })),
  fc.record({
    name: fc.constant('referenda' as const),
    track: fc.option(trackQuery, { nil: null }),
    status: fc.constantFrom(...REFERENDA_STATUSES),
    page: fc.integer({ min: 1, max: 1000 }),
  }),
  fc
    .oneof(
      fc.option(trackQuery, { nil: null }).map((track) => ({ kind: 'referenda' as const, track })),
      account.map((address) => ({ kind: 'address' as const, address })),
      fc.record({
        kind: fc.constant('deadlines' as const),
        scope: fc.oneof(
          fc.constant({ type: 'all' as const }),
          trackQuery.map((track) => ({ type: 'track' as const, track })),
          fc
            .integer({ min: 0, max: 99999 })
            .map((referendum) => ({ type: 'referendum' as const, referendum })),
        ),
        leadMinutes: leads,
      }),
    )
    .map((request) => ({ name: 'subscribe' as const, request })),
  fc
    .stringMatching(/^[rda][0-9a-z]{5}$/)
    .map((id) => ({ name: 'unsubscribe' as const, selector: { type: 'id' as const, id } })),
  fc.integer({ min: 1, max: 168 }).map((hours) => ({ name: 'missed' as const, hours })),
  fc
    .record({
      startMinute: fc.integer({ min: 0, max: 1439 }),
      endMinute: fc.integer({ min: 0, max: 1439 }),
      utcOffsetMinutes: fc.integer({ min: -840, max: 840 }),
      holdCritical: fc.boolean(),
    })
    .filter((q) => q.startMinute !== q.endMinute)
    .chain((quietHours) =>
      scope.map(
        (subscription): Command => ({
          name: 'quiet',
          change: { type: 'set', quietHours },
          subscription,
        }),
      ),
    ),
  scope.chain((subscription) =>
    fc.constantFrom<Command>(
      { name: 'quiet', change: null, subscription },
      { name: 'quiet', change: { type: 'off' }, subscription },
      { name: 'unmute', kinds: 'all', subscription },
    ),
  ),
  subscriptionId.map(
    (subscription): Command => ({ name: 'quiet', change: { type: 'default' }, subscription }),
  ),
  fc
    .tuple(fc.subarray([...ALERT_KINDS], { minLength: 1 }), scope)
    .chain(([kinds, subscription]) =>
      fc.constantFrom<Command>(
        { name: 'mute', kinds, subscription },
        { name: 'unmute', kinds, subscription },
      ),
    ),
  fc.constantFrom<Command>(
    { name: 'era' },
    { name: 'tracks' },
    { name: 'status' },
    { name: 'subscriptions' },
  ),
);

describe('command lines (what inline actions carry)', () => {
  it('parse back to the command they were made from', () => {
    fc.assert(
      fc.property(commands, (command) => {
        const parsed = parseCommand(commandLine(command));
        if (!parsed.ok) throw new Error(`${commandLine(command)}: ${parsed.error.message}`);
        expect(parsed.value).toEqual(command);
      }),
      { numRuns: 2_000 },
    );
  });

  it('of the actions replies offer fit Telegram callback data (64 bytes)', () => {
    const actionCommands = fc.oneof(
      account.map((address): Command => ({ name: 'subscribe', request: { kind: 'address', address } })),
      fc.integer({ min: 0, max: 0xffffffff }).map(
        (referendum): Command => ({
          name: 'subscribe',
          request: { kind: 'deadlines', scope: { type: 'referendum', referendum }, leadMinutes: [1440, 60] },
        }),
      ),
      fc.record({
        name: fc.constant('referenda' as const),
        track: fc.option(fc.integer({ min: 0, max: 65535 }).map(String), { nil: null }),
        status: fc.constantFrom(...REFERENDA_STATUSES),
        page: fc.integer({ min: 1, max: 1000 }),
      }),
      fc
        .stringMatching(/^[rda][0-9a-z]{5}$/)
        .map((id): Command => ({ name: 'unsubscribe', selector: { type: 'id', id } })),
    );
    fc.assert(
      fc.property(actionCommands, (command) => {
        expect(new TextEncoder().encode(commandLine(command)).length).toBeLessThanOrEqual(64);
      }),
    );
  });
});
