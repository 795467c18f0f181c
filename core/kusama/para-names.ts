/**
 * Kusama para ids and their names. The chain stores no names, so this table is kept by hand.
 *
 * Source: polkadot-js apps, `packages/apps-config/src/endpoints/productionRelayKusama.ts`: the
 * `paraId` and `text` of every entry of `prodParasKusamaCommon` (the system paras 1000 Asset Hub,
 * 1001 Encointer Network, 1002 Bridge Hub, 1004 People, 1005 Coretime) and `prodParasKusama`, in
 * the 2026 revision of that file (its header reads "Copyright 2017-2026"), read 2026-12-05.
 * Entries the file marks unreachable are kept: their paras may still hold deposits or crowdloan
 * refunds. A para not in the table is shown by its id ("para 2999").
 */

export interface ParaName {
  id: number;
  name: string;
}

export const KUSAMA_PARA_NAMES: readonly ParaName[] = [
  { id: 1000, name: 'Asset Hub' },
  { id: 1001, name: 'Encointer Network' },
  { id: 1002, name: 'Bridge Hub' },
  { id: 1004, name: 'People' },
  { id: 1005, name: 'Coretime' },
  { id: 2000, name: 'Karura' },
  { id: 2001, name: 'Bifrost' },
  { id: 2004, name: 'Khala Network' },
  { id: 2007, name: 'Shiden' },
  { id: 2008, name: 'Mars' },
  { id: 2009, name: 'PolkaSmith by PolkaFoundry' },
  { id: 2011, name: 'SORA' },
  { id: 2012, name: 'Crust Shadow' },
  { id: 2016, name: 'Sakura' },
  { id: 2018, name: 'SubGame Gamma' },
  { id: 2019, name: 'Kpron' },
  { id: 2023, name: 'Moonriver' },
  { id: 2024, name: 'Genshiro' },
  { id: 2048, name: 'Robonomics' },
  { id: 2078, name: 'TrustBase' },
  { id: 2080, name: 'Loom Network' },
  { id: 2084, name: 'Calamari' },
  { id: 2085, name: 'Parallel Heiko' },
  { id: 2087, name: 'Picasso' },
  { id: 2088, name: 'Altair' },
  { id: 2090, name: 'Basilisk' },
  { id: 2092, name: 'Kintsugi BTC' },
  { id: 2094, name: 'Unorthodox' },
  { id: 2095, name: 'QUARTZ by UNIQUE' },
  { id: 2096, name: 'Pioneer' },
  { id: 2100, name: 'SubsocialX' },
  { id: 2102, name: 'Pichiu' },
  { id: 2105, name: 'Crab' },
  { id: 2107, name: 'KICO' },
  { id: 2113, name: 'Kabocha' },
  { id: 2114, name: 'Turing Network' },
  { id: 2115, name: 'Dora Factory' },
  { id: 2116, name: 'Tanganika' },
  { id: 2118, name: 'Listen Network' },
  { id: 2119, name: 'Bajun Network' },
  { id: 2120, name: 'Shiden Crowdloan 2' },
  { id: 2121, name: 'Imbue Network' },
  { id: 2123, name: 'GM' },
  { id: 2124, name: 'Amplitude' },
  { id: 2125, name: 'InvArch Tinkernet' },
  { id: 2126, name: 'Parallel Heiko 2' },
  { id: 2129, name: 'SNOW Network' },
  { id: 2222, name: 'DAO IPCI' },
  { id: 2225, name: 'Crust Shadow 2' },
  { id: 2226, name: 'Genshiro crowdloan 2' },
  { id: 2227, name: 'RioDeFi' },
  { id: 2235, name: 'KICO 2' },
  { id: 2236, name: 'ZERO Canary' },
  { id: 2239, name: 'Acurast Canary' },
  { id: 2240, name: 'Robonomics 2' },
  { id: 2241, name: 'Krest' },
  { id: 2257, name: 'Aband' },
  { id: 2274, name: 'Quantum Portal Network' },
  { id: 2281, name: 'Kreivo - By Virto' },
  { id: 3334, name: 't1rn' },
  { id: 3339, name: 'Curio' },
  { id: 3340, name: 'Hyperbridge (Messier)' },
  { id: 3344, name: 'Xode' },
  { id: 3345, name: 'Yerba Network' },
  { id: 3422, name: 'RegionX' },
];

const BY_ID = new Map(KUSAMA_PARA_NAMES.map((p) => [p.id, p.name]));

/** The para's name, or null when the table does not know it. */
export function paraName(id: number): string | null {
  return BY_ID.get(id) ?? null;
}

/** "Karura (2000)", or "para 2999" for an id the table does not know. */
export function paraLabel(id: number): string {
  const name = paraName(id);
  return name === null ? `para ${id}` : `${name} (${id})`;
}

export type ParaNameMatch =
  | { type: 'found'; para: ParaName }
  | { type: 'ambiguous'; candidates: ParaName[] }
  | { type: 'none' };

/**
 * A para by name, ignoring letter case and spaces around it: the exact name first, else the one
 * name that starts with the text; several starting with it are ambiguous (listed by id).
 */
export function findParaByName(text: string, table: readonly ParaName[] = KUSAMA_PARA_NAMES): ParaNameMatch {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return { type: 'none' };
  const exact = table.filter((p) => p.name.toLowerCase() === wanted);
  if (exact.length === 1) return { type: 'found', para: exact[0]! };
  const prefixed = exact.length > 1 ? exact : table.filter((p) => p.name.toLowerCase().startsWith(wanted));
  if (prefixed.length === 1) return { type: 'found', para: prefixed[0]! };
  if (prefixed.length === 0) return { type: 'none' };
  return { type: 'ambiguous', candidates: [...prefixed].sort((a, b) => a.id - b.id) };
}
