/** The Coretime chain's `Broker` values, from their metadata-decoded JSON into `core/types/parachains.ts`. */

import type {
  AutoRenewal,
  BrokerConfig,
  BrokerStatus,
  PotentialRenewal,
  SaleInfo,
  ScheduleItem,
} from '../../../core/types/parachains.js';
import { assignmentOf } from './relay-paras-decode.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded values are walked through their JSON shape
type Json = any;

const big = (v: Json): bigint => BigInt(v);
const optBig = (v: Json): bigint | null => (v === null || v === undefined ? null : BigInt(v));
/** A `CoreMask` (80 bits) as 0x-hex, whatever shape its JSON takes. */
const mask = (v: Json): string =>
  typeof v === 'string' ? v : `0x${Buffer.from(v as number[]).toString('hex')}`;

export function scheduleItems(list: Json[]): ScheduleItem[] {
  return (list ?? []).map((item) => ({ mask: mask(item.mask), assignment: assignmentOf(item.assignment) }));
}

export function brokerConfigOf(c: Json): BrokerConfig {
  return {
    advanceNotice: Number(c.advanceNotice),
    interludeLength: Number(c.interludeLength),
    leadinLength: Number(c.leadinLength),
    regionLength: Number(c.regionLength),
    idealBulkProportion: Number(c.idealBulkProportion),
    limitCoresOffered: c.limitCoresOffered === null ? null : Number(c.limitCoresOffered),
    renewalBump: Number(c.renewalBump),
    contributionTimeout: Number(c.contributionTimeout),
  };
}

export function brokerStatusOf(s: Json): BrokerStatus {
  return {
    coreCount: Number(s.coreCount),
    privatePoolSize: Number(s.privatePoolSize),
    systemPoolSize: Number(s.systemPoolSize),
    lastCommittedTimeslice: Number(s.lastCommittedTimeslice),
    lastTimeslice: Number(s.lastTimeslice),
  };
}

export function saleInfoOf(s: Json): SaleInfo {
  return {
    saleStart: Number(s.saleStart),
    leadinLength: Number(s.leadinLength),
    endPrice: big(s.endPrice),
    regionBegin: Number(s.regionBegin),
    regionEnd: Number(s.regionEnd),
    idealCoresSold: Number(s.idealCoresSold),
    coresOffered: Number(s.coresOffered),
    firstCore: Number(s.firstCore),
    selloutPrice: optBig(s.selloutPrice),
    coresSold: Number(s.coresSold),
  };
}

export function renewalOf(key: Json, value: Json): PotentialRenewal {
  const completion = value.completion;
  return {
    core: Number(key.core),
    when: Number(key.when),
    price: big(value.price),
    completion:
      'complete' in completion
        ? { type: 'complete', items: scheduleItems(completion.complete) }
        : { type: 'partial', mask: mask(completion.partial) },
  };
}

export function autoRenewalsOf(list: Json[]): AutoRenewal[] {
  return (list ?? []).map((r) => ({
    core: Number(r.core),
    para: Number(r.task),
    nextRenewal: Number(r.nextRenewal),
  }));
}
