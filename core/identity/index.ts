export * from './identity-types.js';
export * from './sanitize.js';
