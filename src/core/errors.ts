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
