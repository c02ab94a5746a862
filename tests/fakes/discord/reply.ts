/** The fake's HTTP answers: status, JSON body and headers, shaped like Discord's. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
  status,
  ...(body !== undefined ? { body } : {}),
  ...(headers ? { headers } : {}),
});

/** @see https://discord.com/developers/docs/reference#error-messages */
export const invalidFormBody = (problems: string[]): Reply => json(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
export const notFound = (message = '404: Not Found', code = 0): Reply => json(404, { message, code });
