export {
  type AlertNotifiersConfig,
  createAlertNotifiers,
  type PlatformAccess,
} from './create-alert-notifiers.js';
export { type CardMessengersConfig, createCardMessengers } from './create-card-messengers.js';
export { type SharedLimiters, sharedLimiters } from './shared-limiters.js';
