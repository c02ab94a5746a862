export { dataDirProblems, loadConfig, settingsOf, sourceSettings, storagePaths, storeLocation, type SourceSettings, type EmbeddingSettings, embeddingSettings, embeddingSettingsFromEnv, DEFAULTS, type Config, type LogFormat } from './env.js';
export { ConfigError, type ConfigProblem } from './errors.js';
export { describeConfig } from './describe.js';
export { loadDotenv, type DotenvResult } from './dotenv.js';
export type { LogLevel } from './fields.js';
export { redactDatabaseUrl } from './database-url.js';
