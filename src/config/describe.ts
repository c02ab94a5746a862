/** A secrets-free summary of the configuration for the start-up log line. */
import type { Config } from './env.js';

export function describeConfig(config: Config): Record<string, unknown> {
  const { discord, slack } = config;
  return {
    mode: config.mode,
    platforms: config.platforms,
    dataDir: config.dataDir,
    databaseFile: config.databaseFile,
    cacheDir: config.cacheDir,
    timezone: config.timezone,
    digestTime: config.digestTime,
    catchupGraceMinutes: config.catchupGraceMinutes,
    rateLimit: config.rateLimit,
    log: config.log,
    opsPort: config.opsPort ?? 'off',
    watchCorpus: config.watchCorpus,
    // Only non-secret identifiers; tokens and secrets are reported as present, never shown.
    ...(discord && {
      discord: {
        applicationId: discord.applicationId,
        guildId: discord.guildId ?? 'global commands',
        apiUrl: discord.apiUrl ?? 'default',
        commandName: discord.commandName,
        token: 'set',
      },
    }),
    ...(slack && {
      slack: {
        mode: slack.mode,
        ...(slack.mode === 'http' && { port: slack.port }),
        apiUrl: slack.apiUrl ?? 'default',
        commandName: slack.commandName,
        managePolicy: slack.managePolicy,
        managers: slack.managers.length,
        botToken: 'set',
        signingSecret: slack.signingSecret ? 'set' : 'unset',
        appToken: slack.appToken ? 'set' : 'unset',
      },
    }),
  };
}
