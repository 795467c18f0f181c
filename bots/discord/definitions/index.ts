export * from './definitions.js';
export * from './register.js';
