export { createLogger, REDACT_PATHS, type AppLogger, type LoggerOptions } from './logger.js';
export { Metrics, type CommandEvent, type MetricsOptions } from './metrics.js';
export { runHealthChecks, type CheckResult, type HealthCheck, type HealthReport } from './health.js';
export { startOpsServer, type OpsServer, type OpsServerOptions } from './server.js';
export { ShutdownCoordinator, ShuttingDownError, installSignalHandlers, type ShutdownReport, type SignalOptions } from './shutdown.js';
export { LibraryHolder, CorpusLoadError, rejectionReason, type CorpusLoader, type LoadedCorpus, type ReloadOutcome, type LibraryHolderOptions } from './corpus-reload.js';
export { watchCorpus, reloadOnSignal, isCorpusFile, type CorpusWatcher, type Reloadable } from './corpus-watch.js';
