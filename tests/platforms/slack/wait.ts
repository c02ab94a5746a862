/** Polls `probe` until it gives a value: what the fake Slack saw after an acknowledged request. */
export async function waitFor<T>(probe: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the fake Slack');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
