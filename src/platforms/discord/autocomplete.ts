/**
 * Autocomplete suggestions for options that ask for them: topics, paper titles and IANA time zones.
 * Autocomplete cannot be deferred and must answer within 3 s, so this stays synchronous and cheap.
 * @see https://discord.com/developers/docs/interactions/application-commands#autocomplete
 */
import type { ArgSpec } from '../../core/command.js';
import type { PaperLibrary } from '../../core/library.js';
import { LIMITS } from './limits.js';
import { clip, oneLine } from './markdown.js';

export interface Choice {
  name: string;
  value: string;
}

const choice = (name: string, value: string): Choice | undefined => {
  const shown = clip(oneLine(name), LIMITS.choiceName);
  // A value we would have to cut would no longer mean the same thing: skip it instead.
  return shown && value && value.length <= LIMITS.choiceValue ? { name: shown, value } : undefined;
};

const matches = (typed: string, ...texts: string[]): boolean => {
  const needle = typed.trim().toLowerCase();
  return !needle || texts.some((text) => text.toLowerCase().includes(needle));
};

function topicChoices(library: PaperLibrary, typed: string): (Choice | undefined)[] {
  return library
    .topics()
    .filter((topic) => matches(typed, topic.name, topic.label))
    .map((topic) => choice(`${topic.label} (${topic.count})`, topic.name));
}

/** `id` options take the paper ID; free-text options (a search query) take the title itself. */
function paperChoices(library: PaperLibrary, spec: ArgSpec, typed: string): (Choice | undefined)[] {
  return library
    .completeTitles(typed.trim(), LIMITS.choices)
    .map((paper) => (spec.name === 'id' ? choice(paper.title, paper.id) : choice(paper.title, clip(oneLine(paper.title), LIMITS.choiceValue))));
}

let zones: string[] | undefined;
function timeZones(): string[] {
  if (!zones) {
    const supported = Intl.supportedValuesOf('timeZone');
    zones = supported.includes('UTC') ? supported : ['UTC', ...supported];
  }
  return zones;
}

function timeZoneChoices(typed: string): (Choice | undefined)[] {
  const needle = typed.trim().replace(/\s+/g, '_');
  return timeZones()
    .filter((zone) => matches(needle, zone))
    .map((zone) => choice(zone.replace(/_/g, ' '), zone));
}

/** At most 25 valid choices (names 1–100, values ≤ 100 characters) for what the user has typed. */
export function autocompleteChoices(library: PaperLibrary, spec: ArgSpec | undefined, typed: string): Choice[] {
  let all: (Choice | undefined)[] = [];
  if (spec?.autocomplete === 'topic') all = topicChoices(library, typed);
  else if (spec?.autocomplete === 'paper') all = paperChoices(library, spec, typed);
  else if (spec?.autocomplete === 'timezone') all = timeZoneChoices(typed);
  const seen = new Set<string>();
  return all
    .filter((c): c is Choice => c !== undefined && !seen.has(c.value) && Boolean(seen.add(c.value)))
    .slice(0, LIMITS.choices);
}
