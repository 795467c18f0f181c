export * from './identity-types.js';
