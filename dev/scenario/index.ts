export * from './errors.js';
export * from './generate.js';
export * from './seed.js';
export * from './types.js';
