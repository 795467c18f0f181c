import { describe, expect, it } from 'vitest';
import { snapshotKeyPatterns } from '../../infra/constructs/herald-table.js';
import {
  BLOB_PK,
  blobKey,
  entityKey,
  JOURNAL_PK,
  journalKey,
  META_KEY,
  manifestChunkKey,
  partKeys,
  versionRecordKey,
} from '../../lambdas/store/table/index.js';

const matches = (pk: string) =>
  snapshotKeyPatterns().some((p) => new RegExp(`^${p.replaceAll('*', '.*')}$`).test(pk));

describe('snapshotKeyPatterns', () => {
  it('covers the partition key of every item the snapshot store writes', () => {
    const keys = [
      META_KEY,
      versionRecordKey(123),
      manifestChunkKey(123, 17),
      journalKey(123, 4),
      blobKey('era-archive/9001'),
      entityKey('account', 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', 123),
      entityKey('referendum', '571', 1),
      ...partKeys(entityKey('validator', 'x', 9).pk, 'V#9', 3),
      ...partKeys(blobKey('era-archive/9001').pk, 'K#era-archive/9001#g1', 2),
    ];
    for (const key of keys) expect(matches(key.pk), key.pk).toBe(true);
    expect(snapshotKeyPatterns()).toEqual(expect.arrayContaining([META_KEY.pk, JOURNAL_PK, BLOB_PK]));
  });

  it('leaves keys of other items alone', () => {
    for (const pk of [
      'SUB#telegram#chat#1',
      'TARGET#discord#dm#2',
      'ALERT#ref:1:approved',
      'METADATA',
      'EVENTS',
    ])
      expect(matches(pk), pk).toBe(false);
  });
});
