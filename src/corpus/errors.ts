/** A corpus file that cannot be read at all; the loader turns it into a warning for that file only. */
export class CorpusFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'CorpusFormatError';
  }
}
