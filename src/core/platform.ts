/**
 * The name of the platform a request came from: a chat adapter's name (`discord`, `slack`, see
 * src/platforms/registry.ts), `console` or `cli`. A plain string, so a new adapter needs no edit here.
 */
export type Platform = string;
