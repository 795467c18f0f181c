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

/** Staking (pallet_staking_async on Kusama Asset Hub). */
export const HISTORY_DEPTH_ERAS = 84;
export const BONDING_DURATION_ERAS = 28;
export const NOMINAL_ERA_MS = 6 * 60 * 60 * 1000;
export const ERAS_PER_YEAR = 1_461;
export const MAX_EXPOSURE_PAGE_SIZE = 512;
export const MAX_NOMINATIONS = 24;

/** OpenGov: referenda time out undecided after 14 relay days. */
export const UNDECIDING_TIMEOUT_BLOCKS = 14 * RELAY_BLOCKS_PER_DAY;

/** Fixed-point units used by the pallets. */
export const PERBILL = 1_000_000_000n;
export const FIXED_I64_DIV = 1_000_000_000n;
