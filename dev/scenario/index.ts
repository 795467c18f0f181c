export * from './era-mutation.js';
export * from './errors.js';
export * from './generate.js';
export * from './governance-mutations.js';
export * from './seed.js';
export * from './types.js';
