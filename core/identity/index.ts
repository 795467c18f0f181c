export * from './identity-types.js';
export * from './label.js';
export * from './named-addresses.js';
export * from './resolve.js';
export * from './sanitize.js';
