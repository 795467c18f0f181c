import { describe, expect, it } from 'vitest';
import {
  AlertMessageError,
  encodeAlertDetection,
  parseAlertDetection,
} from '../../../core/ports/alert-detection-message.js';

describe('alert-detection message', () => {
  it('carries the endpoint the snapshot was read from, for failover alerts', () => {
    const body = encodeAlertDetection({ version: 5, relayBlock: 9, endpoint: 'wss://rpc.example/ah' });
    expect(parseAlertDetection(body)).toEqual({
      version: 5,
      relayBlock: 9,
      endpoint: 'wss://rpc.example/ah',
    });
    expect(parseAlertDetection(encodeAlertDetection({ version: 5, relayBlock: 9, endpoint: '' }))).toEqual({
      version: 5,
      relayBlock: 9,
    });
  });

  it('round-trips version and relay block, and nothing else', () => {
    const body = encodeAlertDetection({ version: 42, relayBlock: 31_562_213 });
    expect(JSON.parse(body)).toEqual({ version: 42, relayBlock: 31_562_213 });
    expect(parseAlertDetection(body)).toEqual({ version: 42, relayBlock: 31_562_213 });
    const extra = { version: 3, relayBlock: 7, era: 9 } as unknown as Parameters<
      typeof encodeAlertDetection
    >[0];
    expect(JSON.parse(encodeAlertDetection(extra))).toEqual({ version: 3, relayBlock: 7 });
  });

  it.each([
    [{ version: 0, relayBlock: 1 }],
    [{ version: 1.5, relayBlock: 1 }],
    [{ version: 1, relayBlock: -1 }],
    [{ version: 1 }],
    [null],
  ])('refuses to encode %j', (message) => {
    expect(() => encodeAlertDetection(message as never)).toThrow(AlertMessageError);
  });

  it.each(['', 'not json', 'null', '{"version":"1","relayBlock":2}', '{"relayBlock":2}', '[1,2]'])(
    'refuses to parse %j with a clear error',
    (body) => {
      expect(() => parseAlertDetection(body)).toThrow(AlertMessageError);
    },
  );
});
