/**
 * `/coretime`: the bulk sale's phase, the price now and where it is heading, cores offered, sold
 * and available, the region sold, when the sale ends, the due renewals (soonest first, with the
 * paras and prices) and the on-demand spot price and queue. Reads `parachains/current` at the
 * frame's pointer; every relay block becomes a time from the snapshot's relay block (6 s each).
 */
import { onDemandSpotPrice } from '../../../core/coretime/on-demand.js';
import { renewalParas, renewalStanding } from '../../../core/coretime/renewal.js';
import {
  coresAvailable,
  leadinEndBlock,
  saleEndBlock,
  salePhase,
} from '../../../core/coretime/sale-phase.js';
import { salePriceAt } from '../../../core/coretime/sale-price.js';
import { blockTime, type TimeAnchor } from '../../../core/opengov/time.js';
import type {
  CoretimeReply,
  OnDemandView,
  RenewalDueRow,
  SaleView,
} from '../../../core/reply/parachain-replies.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { ParachainsEntity } from '../../../core/snapshot/entities.js';
import type { CoretimeState, OnDemandState } from '../../../core/types/parachains.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { anchorOf, parachainsOf, paraOf, timesliceTime } from '../parachains/data.js';
import { base, missingData } from '../reply-base.js';

/** Due renewals listed (the rest are counted). */
export const MAX_RENEWALS_SHOWN = 10;

function saleView(coretime: CoretimeState, relayBlock: number, anchor: TimeAnchor): SaleView | null {
  const { sale, config, timeslicePeriod: period } = coretime;
  if (!sale || !config) return null;
  return {
    phase: salePhase(sale, config, period, relayBlock),
    saleStart: blockTime(sale.saleStart, anchor),
    leadinEnd: blockTime(leadinEndBlock(sale), anchor),
    saleEnd: blockTime(saleEndBlock(sale, config, period), anchor),
    priceNow: salePriceAt(sale, relayBlock),
    endPrice: sale.endPrice,
    coresOffered: sale.coresOffered,
    coresSold: sale.coresSold,
    coresAvailable: coresAvailable(sale),
    idealCoresSold: sale.idealCoresSold,
    selloutPrice: sale.selloutPrice,
    regionBegin: timesliceTime(sale.regionBegin, period, anchor),
    regionEnd: timesliceTime(sale.regionEnd, period, anchor),
  };
}

function renewalRows(coretime: CoretimeState, anchor: TimeAnchor) {
  const { sale, config, timeslicePeriod: period } = coretime;
  const due: RenewalDueRow[] = [];
  let renewed = 0;
  let lapsed = 0;
  if (sale && config)
    for (const r of coretime.renewals) {
      const standing = renewalStanding(r, sale, config, period);
      if (standing.state === 'renewed') renewed += 1;
      if (standing.state === 'lapsed') lapsed += 1;
      if (standing.state === 'due' && standing.deadline !== null)
        due.push({
          core: r.core,
          paras: renewalParas(r).map(paraOf),
          price: r.price,
          deadline: blockTime(standing.deadline, anchor),
        });
    }
  due.sort((a, b) => a.deadline.block - b.deadline.block || a.core - b.core);
  return { due, renewed, lapsed };
}

function onDemandView(onDemand: OnDemandState): OnDemandView {
  return {
    spotPrice: onDemandSpotPrice(onDemand),
    traffic: onDemand.traffic,
    baseFee: onDemand.baseFee,
    queued: onDemand.queued.length,
    maxQueueSize: onDemand.maxQueueSize,
  };
}

export function coretimeReplyOf(state: ParachainsEntity, frame: Frame): CoretimeReply {
  const anchor = anchorOf(frame);
  const relayBlock = state.relay?.block ?? anchor.relayBlock;
  const coretime = state.coretime;
  const renewals = coretime ? renewalRows(coretime, anchor) : { due: [], renewed: 0, lapsed: 0 };
  return {
    type: 'coretime',
    relayBlock,
    timeslicePeriod: coretime?.timeslicePeriod ?? null,
    sale: coretime ? saleView(coretime, relayBlock, anchor) : null,
    renewalsDue: renewals.due.slice(0, MAX_RENEWALS_SHOWN),
    renewalsDueOmitted: Math.max(0, renewals.due.length - MAX_RENEWALS_SHOWN),
    renewedCount: renewals.renewed,
    lapsedCount: renewals.lapsed,
    onDemand: state.relay?.onDemand ? onDemandView(state.relay.onDemand) : null,
    relayCoreCount: state.relay?.coreCount ?? null,
    ...base(frame),
  };
}

export async function coretimeCommand(frame: Frame, ctx: CommandContext): Promise<Reply> {
  const state = await parachainsOf(ctx, frame);
  if (!state?.coretime) return missingData('coretime', 'Coretime chain data', frame);
  return coretimeReplyOf(state, frame);
}
