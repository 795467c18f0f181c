export * from './balance.js';
export * from './duration.js';
export * from './errors.js';
export * from './number.js';
export * from './parse-amount.js';
