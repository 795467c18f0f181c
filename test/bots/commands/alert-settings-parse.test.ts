import { describe, expect, it } from 'vitest';
import { commandLine, parseCommand, settingsChangeOf } from '../../../bots/commands/parse.js';
import { ALERT_KINDS } from '../../../core/alerts/alert-types.js';
import type { CommandErrorCode } from '../../../core/commands/index.js';
import { ALERT_KIND_GROUPS, kindWords } from '../../../core/subscriptions/kind-words.js';
import { formatUtcOffset, quietWindowInUtc } from '../../../core/subscriptions/quiet-format.js';
import { quietUntil } from '../../../core/subscriptions/quiet-hours.js';

/** The command a line would run when it changes the chat's settings. */
const chatChangeOf = (line: unknown) => settingsChangeOf(line)?.name ?? null;

function accepted(line: string) {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.error.message}`);
  return parsed.value;
}

function refused(line: string, code: CommandErrorCode) {
  const parsed = parseCommand(line);
  if (parsed.ok) throw new Error(`${line} should be refused, got ${JSON.stringify(parsed.value)}`);
  expect(parsed.error.code, line).toBe(code);
  return parsed.error;
}

const quiet = (startMinute: number, endMinute: number, utcOffsetMinutes = 0, holdCritical = false) => ({
  name: 'quiet',
  change: { type: 'set', quietHours: { startMinute, endMinute, utcOffsetMinutes, holdCritical } },
  subscription: null,
});

describe('/quiet', () => {
  it('shows with no arguments and clears with off', () => {
    expect(accepted('/quiet')).toEqual({ name: 'quiet', change: null, subscription: null });
    expect(accepted('/quiet off')).toEqual({ name: 'quiet', change: { type: 'off' }, subscription: null });
    expect(accepted('/quiet OFF')).toEqual({ name: 'quiet', change: { type: 'off' }, subscription: null });
  });

  it('reads the window in the usual ways, UTC by default', () => {
    expect(accepted('/quiet 22:00-07:00')).toEqual(quiet(1320, 420));
    expect(accepted('/quiet 22:00 - 07:30')).toEqual(quiet(1320, 450));
    expect(accepted('/quiet 22-7')).toEqual(quiet(1320, 420));
    expect(accepted('/quiet 10pm-7am')).toEqual(quiet(1320, 420));
    expect(accepted('/quiet 12am-6:15am')).toEqual(quiet(0, 375));
    expect(accepted('/quiet 13.30-14.45')).toEqual(quiet(810, 885));
    expect(accepted('/quiet 20:00-24:00')).toEqual(quiet(1200, 0));
  });

  it('reads UTC offsets and "all" in either order', () => {
    expect(accepted('/quiet 22:00-07:00 UTC+2')).toEqual(quiet(1320, 420, 120));
    expect(accepted('/quiet 22:00-07:00 utc-5:30')).toEqual(quiet(1320, 420, -330));
    expect(accepted('/quiet 22:00-07:00 GMT+0545')).toEqual(quiet(1320, 420, 345));
    expect(accepted('/quiet 22:00 -07:00 +9')).toEqual(quiet(1320, 420, 540));
    expect(accepted('/quiet 23-6 all UTC-14')).toEqual(quiet(1380, 360, -840, true));
    expect(accepted('/quiet 23-6 UTC all')).toEqual(quiet(1380, 360, 0, true));
  });

  it('refuses bad times, equal ends, impossible offsets and stray words', () => {
    expect(refused('/quiet 25:00-07:00', 'invalid-quiet-hours').message).toContain('"25:00" is not a time');
    refused('/quiet 22:60-07:00', 'invalid-quiet-hours');
    refused('/quiet 13pm-7am', 'invalid-quiet-hours');
    refused('/quiet 22:00-tomorrow', 'invalid-quiet-hours');
    expect(refused('/quiet 07:00-07:00', 'invalid-quiet-hours').message).toContain('same time');
    expect(refused('/quiet 0-24', 'invalid-quiet-hours').message).toContain('same time');
    expect(refused('/quiet 22-7 UTC+15', 'invalid-quiet-hours').message).toContain('UTC-14 to UTC+14');
    refused('/quiet 22-7 UTC-14:01', 'invalid-quiet-hours');
    refused('/quiet 22-7 UTC+2:75', 'invalid-quiet-hours');
    expect(refused('/quiet 22-7 CET', 'invalid-quiet-hours').message).toContain('"CET"');
    expect(refused('/quiet 22:00', 'invalid-quiet-hours').hint).toContain('/quiet 22:00-07:00');
    refused('/quiet 22-7 UTC+1 UTC+2', 'extra-argument');
    refused('/quiet 22-7 all all', 'extra-argument');
    refused('/quiet off please', 'extra-argument');
  });

  it('reads an IANA zone in any letter case, with "all" and "for <id>", and writes it back', () => {
    const zoned = {
      ...quiet(1320, 420),
      change: {
        type: 'set',
        quietHours: { ...quiet(1320, 420).change.quietHours, timeZone: 'Europe/Berlin' },
      },
    };
    expect(accepted('/quiet 22:00-07:00 Europe/Berlin')).toEqual(zoned);
    expect(accepted('/quiet 22-7 europe/berlin')).toEqual(zoned);
    const all = accepted('/quiet 22:00-07:00 all America/New_York for r1x9kq');
    expect(all).toMatchObject({
      subscription: 'r1x9kq',
      change: { quietHours: { timeZone: 'America/New_York', holdCritical: true } },
    });
    expect(commandLine(accepted('/quiet 22-7 europe/berlin all'))).toBe(
      '/quiet 22:00-07:00 Europe/Berlin all',
    );
  });

  it('refuses a zone it does not know, naming an example, and a zone with an offset', () => {
    const unknown = refused('/quiet 22:00-07:00 Europe/Berln', 'invalid-quiet-hours');
    expect(unknown.message).toBe(
      '"Europe/Berln" is not a time zone: name one as the IANA list does, e.g. Europe/Berlin or America/New_York, or give a UTC offset like UTC+2.',
    );
    expect(unknown.input).toBe('Europe/Berln');
    expect(refused('/quiet 22-7 Berlin', 'invalid-quiet-hours').message).toContain('like Europe/Berlin');
    expect(refused('/quiet 22-7 Europe/Berlin UTC+2', 'extra-argument').message).toBe(
      'Give one time zone or UTC offset only.',
    );
    refused('/quiet 22-7 Europe/Berlin Europe/Paris', 'extra-argument');
  });

  it('what it parses is the window the alert engine holds alerts in', () => {
    const parsed = accepted('/quiet 22:00-07:00 UTC+2');
    if (parsed.name !== 'quiet' || parsed.change?.type !== 'set') throw new Error('not a window');
    const q = parsed.change.quietHours;
    // 21:30 UTC is 23:30 at UTC+2: inside, until 07:00 local = 05:00 UTC.
    const at = Date.UTC(2026, 0, 10, 21, 30);
    expect(quietUntil(q, at)).toBe(Date.UTC(2026, 0, 11, 5, 0));
    expect(quietUntil(q, Date.UTC(2026, 0, 10, 12, 0))).toBeNull();
    expect(quietWindowInUtc(q)).toBe('20:00-05:00 UTC');
    expect(formatUtcOffset(-330)).toBe('UTC-5:30');
  });
});

describe('/mute and /unmute', () => {
  it('take kind names, friendly groups, underscores and commas, in the engine order without repeats', () => {
    expect(accepted('/mute era-paid ref-submitted')).toEqual({
      name: 'mute',
      kinds: ['ref-submitted', 'era-paid'],
      subscription: null,
    });
    expect(accepted('/mute deadlines,ERA_PAID deadlines')).toEqual({
      name: 'mute',
      kinds: ['ref-deadline', 'era-paid'],
      subscription: null,
    });
    expect(accepted('/mute slashes')).toEqual({
      name: 'mute',
      kinds: ['validator-slashed', 'unapplied-slash'],
      subscription: null,
    });
    expect(accepted('/unmute all')).toEqual({ name: 'unmute', kinds: 'all', subscription: null });
    expect(accepted('/unmute staking')).toEqual({
      name: 'unmute',
      kinds: [...ALERT_KIND_GROUPS.staking],
      subscription: null,
    });
  });

  it('the groups cover every kind exactly once', () => {
    const grouped = Object.values(ALERT_KIND_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...ALERT_KINDS].sort());
    expect(kindWords([...ALERT_KINDS])).toEqual(Object.keys(ALERT_KIND_GROUPS));
    expect(kindWords(['era-paid', 'ref-deadline', 'validator-slashed'])).toEqual([
      'deadlines',
      'era-paid',
      'validator-slashed',
    ]);
  });

  it('refuse unknown names with the list of valid ones, and an empty list', () => {
    const unknown = refused('/mute horoscopes', 'unknown-alert-kind');
    expect(unknown.message).toContain('"horoscopes"');
    expect(unknown.message).toContain('staking');
    expect(unknown.message).toContain('ref-deadline');
    refused('/mute era-paid horoscopes', 'unknown-alert-kind');
    expect(refused('/mute all', 'unknown-alert-kind').message).toContain('/unsubscribe all');
    expect(refused('/mute', 'missing-argument').message).toContain('era-paid');
    refused('/unmute', 'missing-argument');
    refused('/unmute all staking', 'extra-argument');
    refused('/unmute nonsense', 'unknown-alert-kind');
  });
});

describe('"for <id>": one subscription\'s own settings', () => {
  it('ends /quiet, /mute and /unmute in every form, the id in lower case', () => {
    expect(accepted('/quiet 22:00-07:00 UTC+2 for r1x9kq')).toEqual({
      ...quiet(1320, 420, 120),
      subscription: 'r1x9kq',
    });
    expect(accepted('/quiet 23-6 all FOR D2K7PZ')).toEqual({
      ...quiet(1380, 360, 0, true),
      subscription: 'd2k7pz',
    });
    expect(accepted('/quiet off for a00001')).toEqual({
      name: 'quiet',
      change: { type: 'off' },
      subscription: 'a00001',
    });
    expect(accepted('/quiet default for a00001')).toEqual({
      name: 'quiet',
      change: { type: 'default' },
      subscription: 'a00001',
    });
    expect(accepted('/quiet for a00001')).toEqual({ name: 'quiet', change: null, subscription: 'a00001' });
    expect(accepted('/mute staking, era-paid for r1x9kq')).toEqual({
      name: 'mute',
      kinds: [...ALERT_KIND_GROUPS.staking],
      subscription: 'r1x9kq',
    });
    expect(accepted('/unmute all for r1x9kq')).toEqual({
      name: 'unmute',
      kinds: 'all',
      subscription: 'r1x9kq',
    });
    expect(accepted('/unmute votes for r1x9kq')).toEqual({
      name: 'unmute',
      kinds: ['ref-not-voted', 'delegate-not-voted', 'delegate-voted', 'voted-ref-ended', 'lock-unlockable'],
      subscription: 'r1x9kq',
    });
  });

  it('refuses a missing, malformed or doubled id, "for all", and "default" for the whole chat', () => {
    expect(refused('/mute staking for', 'missing-argument').hint).toContain('/mute staking for r1x9kq');
    expect(refused('/quiet 22-7 for', 'missing-argument').message).toContain('"for" needs the id');
    expect(refused('/mute staking for r1x9kq d2k7pz', 'extra-argument').input).toBe('d2k7pz');
    refused('/quiet off for r1x9kq please', 'extra-argument');
    expect(refused('/mute staking for treasury', 'unknown-subscription').message).toContain('"treasury"');
    refused('/mute staking for r1x9k', 'unknown-subscription');
    refused('/unmute all for x12345', 'unknown-subscription');
    expect(refused('/unmute staking for all', 'unknown-subscription').hint).toBe('/unmute staking');
    expect(refused('/quiet default', 'missing-argument').hint).toContain('/quiet default for');
    refused('/quiet default now for r1x9kq', 'extra-argument');
    // What comes before "for" is checked as before.
    refused('/mute for r1x9kq', 'missing-argument');
    refused('/mute weather for r1x9kq', 'unknown-alert-kind');
    refused('/quiet 25-7 for r1x9kq', 'invalid-quiet-hours');
    refused('/unmute all staking for r1x9kq', 'extra-argument');
  });

  it('changes the chat like the forms without it; showing one subscription does not', () => {
    for (const line of ['/quiet 22-7 for r1x9kq', '/quiet off for r1x9kq', '/quiet default for r1x9kq'])
      expect(chatChangeOf(line), line).toBe('quiet');
    expect(chatChangeOf('/mute staking for r1x9kq')).toBe('mute');
    expect(chatChangeOf('/unmute all for r1x9kq')).toBe('unmute');
    expect(chatChangeOf('/quiet for r1x9kq')).toBeNull();
    expect(chatChangeOf('/mute staking for nonsense')).toBe('mute');
  });
});

describe('/missed', () => {
  it('looks back 24 hours by default, or as many hours or days as asked, up to 7 days', () => {
    expect(accepted('/missed')).toEqual({ name: 'missed', hours: 24 });
    expect(accepted('/missed 6')).toEqual({ name: 'missed', hours: 6 });
    expect(accepted('/missed 48h')).toEqual({ name: 'missed', hours: 48 });
    expect(accepted('/missed 7d')).toEqual({ name: 'missed', hours: 168 });
  });

  it('refuses zero, too far back, words and extra arguments', () => {
    refused('/missed 0', 'invalid-hours');
    expect(refused('/missed 8d', 'invalid-hours').message).toContain('7 days');
    refused('/missed 169', 'invalid-hours');
    refused('/missed yesterday', 'invalid-hours');
    refused('/missed -3', 'invalid-hours');
    refused('/missed 1 2', 'extra-argument');
  });
});

describe('which lines change a chat (admins only in groups)', () => {
  it('subscriptions and settings changes do; showing, listing and /missed do not', () => {
    for (const line of [
      '/sub referenda',
      '/unsub all',
      '/quiet 22-7',
      '/quiet off',
      '/mute staking',
      '/unmute all',
    ])
      expect(chatChangeOf(line), line).not.toBeNull();
    for (const line of ['/quiet', '/subscriptions', '/missed 48', '/era', '/help quiet'])
      expect(chatChangeOf(line), line).toBeNull();
    // A change that does not parse is still refused to a non-admin before its error is explained.
    expect(chatChangeOf('/quiet 99-7')).toBe('quiet');
    expect(chatChangeOf('/mute weather')).toBe('mute');
  });

  it('command lines of the new commands parse back to the same command', () => {
    for (const line of [
      '/quiet',
      '/quiet off',
      '/quiet 22:00-07:30 UTC-5:30 all',
      '/mute staking era-paid',
      '/unmute all',
      '/unmute deadlines',
      '/quiet 21:00-08:00 UTC+1 all for r1x9kq',
      '/quiet off for d2k7pz',
      '/quiet default for d2k7pz',
      '/quiet for d2k7pz',
      '/mute staking for a3k9zq',
      '/unmute all for a3k9zq',
      '/missed',
      '/missed 72',
    ]) {
      const command = accepted(line);
      expect(accepted(commandLine(command)), line).toEqual(command);
    }
  });
});
