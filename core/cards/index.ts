export * from './card-model.js';
export * from './card-plan.js';
