/**
 * The rotating daily theme: configured theme names (config/themes.json) that the library knows,
 * else the library's discovered themes. The pick is a pure function of the local date and the
 * channel, so every channel sees a different theme each day and channels are spread out.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PaperLibrary, Topic } from '../core/library.js';

const names = z.array(z.string().trim().min(1)).min(1);
const themesFile = z.union([names.transform((themes) => ({ themes })), z.object({ themes: names })]);

/** Reads `["diffusion", ...]` (or `{ "themes": [...] }`); throws with the file name on a bad file. */
export function loadThemes(path: string): string[] {
  const parsed = themesFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`themes: ${path}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data.themes;
}

/** Configured themes the library knows (deduplicated, in order); else discovered ones; else all topics. */
export function themeCandidates(names: readonly string[], library: PaperLibrary): Topic[] {
  const seen = new Set<string>();
  const configured: Topic[] = [];
  for (const name of names) {
    const topic = library.findTopic(name);
    if (topic && !seen.has(topic.name)) {
      seen.add(topic.name);
      configured.push(topic);
    }
  }
  if (configured.length > 0) return configured;
  const all = library.topics();
  const discovered = all.filter((t) => t.kind === 'discovered');
  return discovered.length > 0 ? discovered : all;
}

/** FNV-1a: a small stable hash, so the rotation survives restarts and releases. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Day number of a `YYYY-MM-DD` date, so consecutive dates give consecutive themes. */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function pickTheme<T>(candidates: readonly T[], localDate: string, channelKey: string): T | undefined {
  if (candidates.length === 0) return undefined;
  const index = (dayNumber(localDate) + (hash(channelKey) % candidates.length)) % candidates.length;
  return candidates[index];
}
