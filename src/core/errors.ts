/** An error caused by the user's input. Its message is shown in chat as is, so keep it friendly. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A network paper source could not be reached; what a `PaperFetcher` throws, so nothing else is taken for it. */
export class SourceUnavailable extends Error {
  constructor() {
    super('the paper source could not be reached');
    this.name = 'SourceUnavailable';
  }
}
