/** One bad or missing setting: the variable and a sentence saying what is wrong and how to fix it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/**
 * Every configuration problem at once, so an operator fixes them in one pass instead of one per
 * restart. Messages never contain secret values.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => `  - ${p.message}`);
    super(
      [
        `paperbot cannot start: the configuration has ${count}:`,
        ...lines,
        'Set these as environment variables or in a .env file (see .env.example for every setting).',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}
