import { describe, expect, it } from 'vitest';
import type { QuietHours } from '../../../core/subscriptions/quiet-hours.js';
import {
  type AlertSettings,
  isEmptySettings,
  mergeSettings,
  settingsFor,
  settingsProblem,
} from '../../../core/subscriptions/settings.js';

const NIGHT: QuietHours = { startMinute: 1320, endMinute: 420, utcOffsetMinutes: 120, holdCritical: false };
const EVENING: QuietHours = { startMinute: 1080, endMinute: 1260, utcOffsetMinutes: 0, holdCritical: true };

const chat: AlertSettings = { muted: ['era-paid', 'ref-submitted'], quietHours: NIGHT };

describe("a subscription's settings on top of the chat's", () => {
  it('mutes what either mutes, once each, in the engine order', () => {
    const own: AlertSettings = { muted: ['pool-state', 'era-paid', 'ref-deadline'], quietHours: null };
    expect(mergeSettings(chat, own).muted).toEqual([
      'ref-submitted',
      'ref-deadline',
      'era-paid',
      'pool-state',
    ]);
    expect(mergeSettings(undefined, own).muted).toEqual(['ref-deadline', 'era-paid', 'pool-state']);
    expect(mergeSettings(chat, undefined).muted).toEqual(['ref-submitted', 'era-paid']);
  });

  it("takes its own quiet hours, else the chat's, unless it says none of its own", () => {
    expect(mergeSettings(chat, { muted: [], quietHours: EVENING }).quietHours).toEqual(EVENING);
    expect(mergeSettings(chat, { muted: ['era-paid'], quietHours: null }).quietHours).toEqual(NIGHT);
    expect(mergeSettings(chat, undefined).quietHours).toEqual(NIGHT);
    expect(mergeSettings(chat, { muted: [], quietHours: null, noQuietHours: true }).quietHours).toBeNull();
    expect(mergeSettings(undefined, { muted: [], quietHours: EVENING }).quietHours).toEqual(EVENING);
    expect(mergeSettings(undefined, undefined)).toEqual({ muted: [], quietHours: null });
  });

  it("settingsFor reads the chat entry and the subscription key from the target's map", () => {
    const all = new Map<string, AlertSettings>([
      ['*', chat],
      ['referenda:all', { muted: ['ref-approved'], quietHours: null, noQuietHours: true }],
      ['address:x', { muted: [], quietHours: EVENING }],
    ]);
    expect(settingsFor(all, 'referenda:all')).toEqual({
      muted: ['ref-submitted', 'ref-approved', 'era-paid'],
      quietHours: null,
    });
    expect(settingsFor(all, 'address:x')).toEqual({
      muted: ['ref-submitted', 'era-paid'],
      quietHours: EVENING,
    });
    expect(settingsFor(all, 'deadlines:all')).toEqual({
      muted: ['ref-submitted', 'era-paid'],
      quietHours: NIGHT,
    });
    expect(settingsFor(all, '*')).toEqual({ muted: ['ref-submitted', 'era-paid'], quietHours: NIGHT });
    expect(settingsFor(undefined, 'address:x')).toEqual({ muted: [], quietHours: null });
  });

  it('an entry is empty only when it mutes nothing and says nothing about quiet hours', () => {
    expect(isEmptySettings({ muted: [], quietHours: null })).toBe(true);
    expect(isEmptySettings({ muted: [], quietHours: null, noQuietHours: false })).toBe(true);
    expect(isEmptySettings({ muted: [], quietHours: null, noQuietHours: true })).toBe(false);
    expect(isEmptySettings({ muted: [], quietHours: NIGHT })).toBe(false);
    expect(isEmptySettings({ muted: ['era-paid'], quietHours: null })).toBe(false);
  });

  it('what the store accepts: "none" only without a window, and only as true or false', () => {
    expect(settingsProblem({ muted: [], quietHours: null, noQuietHours: true })).toBeNull();
    expect(settingsProblem({ muted: [], quietHours: NIGHT, noQuietHours: false })).toBeNull();
    expect(settingsProblem({ muted: [], quietHours: NIGHT, noQuietHours: true })).toMatch(/quietHours null/);
    expect(settingsProblem({ muted: [], quietHours: null, noQuietHours: 'yes' })).toMatch(/true or false/);
    expect(settingsProblem({ muted: ['weather'], quietHours: null })).toMatch(/muted/);
  });
});
