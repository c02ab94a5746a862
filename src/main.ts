/**
 * Starting the bot process: read `.env`, validate configuration, start every part, and shut down
 * gracefully on SIGTERM/SIGINT or when the console user quits.
 */
import type { Readable, Writable } from 'node:stream';
import { startApp } from './app.js';
import { ConfigError, describeConfig, loadConfig, loadDotenv } from './config/index.js';
import { CorpusLoadError, createLogger, installSignalHandlers } from './ops/index.js';
import { DatabaseUnavailable } from './store/index.js';

export interface MainOptions {
  /** `--data DIR` from the command line; wins over `PAPERBOT_DATA_DIR`. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  input?: Readable;
  output?: Writable & { isTTY?: boolean };
  errors?: Writable;
}

/** How long shutdown waits for in-flight replies and digest posts. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

export async function main(options: MainOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const errors = options.errors ?? process.stderr;
  if (!options.env) loadDotenv();
  let config;
  try {
    config = loadConfig(options.dataDir ? { ...env, PAPERBOT_DATA_DIR: options.dataDir } : env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    errors.write(`${error.message}\n`);
    return 1;
  }
  const logger = createLogger(config.log);
  logger.info(describeConfig(config), 'starting paperbot');
  for (const warning of config.warnings) logger.warn({}, warning);

  let app;
  try {
    app = await startApp(config, logger, { input: options.input ?? process.stdin, output: options.output ?? process.stdout });
  } catch (error) {
    // Start-up failures (unreachable platform, bad token, unreadable database) end the process with a reason;
    // a corpus that cannot be read is the operator's to fix, so one sentence without a stack.
    if (error instanceof CorpusLoadError) logger.error({}, `paperbot could not start: the corpus cannot be read (${error.message})`);
    else if (error instanceof DatabaseUnavailable) logger.error({}, `paperbot could not start: ${error.message}`);
    else logger.error({ err: error }, 'paperbot could not start');
    return 1;
  }
  logger.info({ mode: config.mode, platforms: config.platforms, opsPort: app.opsPort }, 'paperbot is ready');

  if (app.console) {
    // Ctrl-C or a TERM ends the chat like `quit`, then the same clean shutdown runs.
    const close = () => app.console?.close();
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.console.closed;
    process.off('SIGINT', close);
    process.off('SIGTERM', close);
    const report = await app.shutdown.shutdown({ timeoutMs: SHUTDOWN_TIMEOUT_MS });
    return report.unfinished.length ? 1 : 0;
  }
  installSignalHandlers(app.shutdown, logger, { timeoutMs: SHUTDOWN_TIMEOUT_MS });
  // The signal handler exits the process; until then the adapters keep it alive.
  return new Promise<number>(() => {});
}
