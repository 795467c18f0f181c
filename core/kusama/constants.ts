import type { StakingConstants } from '../types/chain-constants.js';

/** Kusama facts Herald relies on. Runtime values read from the chain win over these where both exist. */
export const KSM_DECIMALS = 12;
export const KSM_PLANCK_PER_UNIT = 10n ** 12n;
export const KSM_SYMBOL = 'KSM';
export const KUSAMA_SS58_PREFIX = 2;
export const ASSET_HUB_PARA_ID = 1000;

/** Relay chain block time. Referenda, scheduler and pool block numbers on Asset Hub are relay blocks. */
export const RELAY_BLOCK_MS = 6_000;
export const RELAY_BLOCKS_PER_HOUR = 600;
export const RELAY_BLOCKS_PER_DAY = 14_400;

/** A relay session (Babe.EpochDuration on the relay chain: 600 blocks, one hour); eras count them. */
export const RELAY_SESSION_BLOCKS = 600;

/**
 * Staking (pallet_staking_async on Kusama Asset Hub) as statemine 2,003,000's metadata states it. The
 * chain's own values are read with every snapshot; these stand in only for era data stored before
 * they were, and give the dev scenario Kusama's shape.
 */
export const KUSAMA_STAKING: StakingConstants = {
  historyDepth: 84,
  bondingDuration: 28,
  nominatorFastUnbondDuration: 28,
  nominatorsSlashable: true,
  sessionsPerEra: 6,
  maxExposurePageSize: 512,
  selfStakeIncentive: null,
};
/** Nominations per nominator: the runtime's NominationsQuota (24 on Kusama), which the metadata does not state. */
export const MAX_NOMINATIONS = 24;

/** OpenGov: referenda time out undecided after 14 relay days. */
export const UNDECIDING_TIMEOUT_BLOCKS = 14 * RELAY_BLOCKS_PER_DAY;

/** Fixed-point units used by the pallets. */
export const PERBILL = 1_000_000_000n;
export const FIXED_I64_DIV = 1_000_000_000n;
