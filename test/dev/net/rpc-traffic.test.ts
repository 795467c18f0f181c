import { describe, expect, it } from 'vitest';
import { labelCall, labelResponse, namedTraffic } from '../../../dev/net/rpc-traffic.js';

const prefixA = `0x${'aa'.repeat(32)}`;
const prefixB = `0x${'bb'.repeat(32)}`;
const keyA = (n: number) => `${prefixA}${n.toString(16).padStart(8, '0')}`;
const keyB = (n: number) => `${prefixB}${n.toString(16).padStart(8, '0')}`;

describe('rpc traffic labels', () => {
  it('splits a value batch mixing two items by the keys each carries, both ways, adding up to the frames', () => {
    const keys = [keyA(1), keyB(1), keyA(2)];
    const request = JSON.stringify({
      id: 7,
      jsonrpc: '2.0',
      method: 'state_queryStorageAt',
      params: [keys, '0x01'],
    });
    const call = labelCall('state_queryStorageAt', [keys, '0x01'], request.length + 6);
    const sent = Object.fromEntries(call.sent);
    expect(Object.keys(sent)).toEqual([prefixA, prefixB]);
    expect(sent[prefixA]! + sent[prefixB]!).toBe(request.length + 6);
    // B's share is its one key (quotes and a comma); A has two keys and the envelope.
    expect(sent[prefixB]).toBe(keyB(1).length + 3);
    const response = JSON.stringify({
      id: 7,
      jsonrpc: '2.0',
      result: [
        {
          block: '0x01',
          changes: [
            [keyA(1), '0x1234'],
            [keyB(1), `0x${'ff'.repeat(500)}`],
            [keyA(2), null],
          ],
        },
      ],
    });
    const received = Object.fromEntries(labelResponse(call, response, response.length + 4));
    expect(received[prefixA]! + received[prefixB]!).toBe(response.length + 4);
    expect(received[prefixB]).toBe(keyB(1).length + 1002 + 2 + 6);
  });

  it('labels key pages and single values by their prefix, and anything else by its method', () => {
    expect(labelCall('state_getKeysPaged', [keyA(0).slice(0, 74), 1000, null, '0x01'], 300).sent).toEqual([
      [prefixA, 300],
    ]);
    expect(labelCall('state_getStorage', [keyB(3), '0x01'], 200).main).toBe(prefixB);
    const metadata = labelCall('state_call', ['Metadata_metadata_at_version', '0x0f000000'], 90);
    expect(metadata.sent).toEqual([['state_call', 90]]);
    expect(labelResponse(metadata, '', 1_000_000)).toEqual([['state_call', 1_000_000]]);
    // A prefix shorter than an item's (a pallet's) keeps the method's name.
    expect(labelCall('state_getKeysPaged', ['0xaabb', 10, null], 50).main).toBe('state_getKeysPaged');
  });

  it('names prefixes and merges rows that get the same name', () => {
    const named = namedTraffic(
      {
        [prefixA]: { requests: 2, bytesSent: 10, bytesReceived: 100 },
        [prefixB]: { requests: 1, bytesSent: 5, bytesReceived: 50 },
        state_call: { requests: 1, bytesSent: 1, bytesReceived: 1 },
      },
      new Map([
        [prefixA, 'Staking.Ledger'],
        [prefixB, 'Staking.Ledger'],
      ]),
    );
    expect(named).toEqual({
      'Staking.Ledger': { requests: 3, bytesSent: 15, bytesReceived: 150 },
      state_call: { requests: 1, bytesSent: 1, bytesReceived: 1 },
    });
  });
});
