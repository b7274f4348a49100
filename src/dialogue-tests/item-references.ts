import type { Catalog, CatalogItem } from '../catalog/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { ItemRef } from './expectations-schema.js';
import type { LoadedScript } from './load-script.js';
import type { DialogueTurn } from './script-schema.js';

/** How a script's names map to the catalog: items by id or title, and the genre and people vocabulary. */
export interface CatalogNames {
  /** The item a string names, or why it names none. */
  item(name: string): CatalogItem | { problem: string };
  /** The catalog's spelling of a genre or person, or undefined when it has none. */
  genre(name: string): string | undefined;
  person(name: string): string | undefined;
}

const fold = (text: string) => text.trim().toLowerCase();

/** Name lookups over a catalog: ids, exact titles (case-insensitive) and "Title (year)". */
export function catalogNames(catalog: Catalog): CatalogNames {
  const byTitle = new Map<string, CatalogItem[]>();
  for (const item of catalog.items) {
    for (const key of new Set([fold(item.title), fold(titleWithYear(item))])) {
      byTitle.set(key, [...(byTitle.get(key) ?? []), item]);
    }
  }
  const vocabulary = (values: string[]) => new Map(values.map((value) => [fold(value), value]));
  const genres = vocabulary(catalog.items.flatMap((item) => item.genres));
  const people = vocabulary(catalog.items.flatMap((item) => item.people));
  return {
    item(name) {
      const byId = catalog.byId.get(name.trim());
      if (byId) return byId;
      const matches = byTitle.get(fold(name)) ?? [];
      if (matches.length === 1) return matches[0]!;
      if (matches.length > 1)
        return {
          problem: `"${name}" is ambiguous: ${matches.map(titleWithYear).join(', ')}; add the year or use the id`,
        };
      return { problem: `no catalog item has the id or title "${name}"` };
    },
    genre: (name) => genres.get(fold(name)),
    person: (name) => people.get(fold(name)),
  };
}

type Expect = NonNullable<DialogueTurn['expect']>;

/**
 * Checks every fixed name in a script's expectations against the catalog, so a misspelt title or
 * genre is a script error (with its line) instead of an expectation that passes for the wrong reason.
 */
export function checkScriptNames(script: LoadedScript, names: CatalogNames): void {
  script.sessions.forEach((session, sessionIndex) => {
    session.turns.forEach((turn, turnIndex) => {
      const base = script.turnPath(sessionIndex, turnIndex);
      const blocks: [Expect | undefined, (string | number)[]][] = [
        [turn.expect, [...base, 'expect']],
        [turn.known_issue?.expect, [...base, 'known_issue', 'expect']],
      ];
      for (const [expect, path] of blocks) if (expect) checkBlock(expect, path, script, names);
    });
  });
}

function checkBlock(expect: Expect, path: (string | number)[], script: LoadedScript, names: CatalogNames) {
  const item = (ref: ItemRef, at: (string | number)[]) => {
    if (typeof ref !== 'string') return;
    const found = names.item(ref);
    if ('problem' in found) throw script.errorAt(at, found.problem);
  };
  const items = (key: 'include' | 'exclude' | 'cards_include') =>
    expect[key]?.forEach((ref, index) => item(ref, [...path, key, index]));
  items('include');
  items('exclude');
  items('cards_include');
  if (expect.first !== undefined) item(expect.first, [...path, 'first']);
  expect.feedback?.forEach((entry, index) => item(entry.item, [...path, 'feedback', index, 'item']));
  const vocabulary = (key: 'genre' | 'exclude_genre' | 'person' | 'exclude_person') => {
    const lookup = key.endsWith('genre') ? names.genre : names.person;
    expect[key]?.forEach((name, index) => {
      if (lookup(name) === undefined)
        throw script.errorAt(
          [...path, key, index],
          `no catalog item has the ${key.endsWith('genre') ? 'genre' : 'person'} "${name}"`,
        );
    });
  };
  vocabulary('genre');
  vocabulary('exclude_genre');
  vocabulary('person');
  vocabulary('exclude_person');
}
