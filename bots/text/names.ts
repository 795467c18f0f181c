/**
 * How an address is shown: through its on-chain name when the reply knows one, else bare. Every
 * address a reply shows goes through `accountLabel`, so a name always sits beside the short address
 * and a copied name cannot pass as the real account. The alerts word addresses with the same
 * functions (core/identity/label.ts).
 */
export { accountLabel, displayName, shortAddress } from '../../core/identity/label.js';
