/** Scheduled digests in console mode are printed to the terminal. */
import type { Poster, PostOutcome } from '../../core/poster.js';
import type { Reply } from '../../core/reply.js';

export class ConsolePoster implements Poster {
  readonly platform = 'console' as const;

  constructor(private readonly print: (reply: Reply) => void) {}

  async post(_channelId: string, reply: Reply): Promise<PostOutcome> {
    this.print(reply);
    return { ok: true };
  }
}
