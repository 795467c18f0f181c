export * from './answer-budget.js';
export * from './autocomplete.js';
export * from './caller.js';
export * from './command-request.js';
export * from './handler.js';
export * from './lambda-events.js';
export * from './responses.js';
export * from './verify.js';
