/** The /calldata grammar: what it accepts, and that its line parses back to the same command. */
import { describe, expect, it } from 'vitest';
import { callDataLine, parse, parseConviction } from '../../../bots/commands/calldata/grammar.js';

const KSM = 10n ** 12n;

describe('/calldata grammar', () => {
  it('reads sides, KSM amounts and convictions in their usual spellings', () => {
    expect(parse(['412'])).toEqual({ ok: true, value: { name: 'calldata', referendum: 412, vote: null } });
    expect(parse(['#412', 'YES', '12.5KSM'])).toMatchObject({
      value: { referendum: 412, vote: { aye: true, conviction: 1, balance: (25n * KSM) / 2n } },
    });
    expect(parse(['412', 'nay', '1,000.000000000001', 'ksm', 'locked6x'])).toMatchObject({
      value: { vote: { aye: false, conviction: 6, balance: 1000n * KSM + 1n } },
    });
    for (const [word, conviction] of [
      ['0.1x', 0],
      ['none', 0],
      ['0', 0],
      ['1x', 1],
      ['3', 3],
      ['6X', 6],
    ] as const)
      expect(parseConviction(word, 1)).toEqual({ ok: true, value: conviction });
    for (const word of ['7x', '0.5x', 'x', '-1', 'locked'])
      expect(parseConviction(word, 1)).toMatchObject({ ok: false, error: { code: 'invalid-conviction' } });
  });

  it('its line parses back to the same command', () => {
    for (const args of [
      ['5'],
      ['5', 'aye', '12.5', '3x'],
      ['5', 'no', '0.000000000001', 'none'],
      ['5', 'aye', '7'],
    ]) {
      const first = parse(args);
      if (!first.ok) throw new Error(first.error.message);
      const line = callDataLine(first.value);
      expect(line.startsWith('/calldata ')).toBe(true);
      expect(parse(line.split(' ').slice(1))).toEqual(first);
    }
    expect(
      callDataLine({
        name: 'calldata',
        referendum: 5,
        vote: { aye: false, conviction: 0, balance: KSM / 10n },
      }),
    ).toBe('/calldata 5 nay 0.1 0.1x');
  });
});
