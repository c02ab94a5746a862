export { createScheduler, type Scheduler, type SchedulerOptions, type StartReport, type TickReport } from './scheduler.js';
export { createSubscriptionService, type SubscriptionServiceOptions } from './service.js';
export type { DeliveryHooks, DeliveryReport, FailureKind } from './delivery.js';
export { composeDigest, type ComposedDigest } from './compose.js';
export { loadThemes, pickTheme, themeCandidates } from './themes.js';
export { Pacer, type PacingConfig, type RateSpec } from './pacer.js';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export { nextSlot, pastSlots, slotInstant, type Slot } from './schedule.js';
