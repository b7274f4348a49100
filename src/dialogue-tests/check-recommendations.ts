import type { CatalogItem } from '../catalog/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { Expectations, ItemRef } from './expectations-schema.js';
import type { CheckResult } from './report-types.js';
import type { TurnObservation } from './turn-observation.js';

/** The item a reference names in this turn, or why there is none. */
export function resolveRef(ref: ItemRef, observation: TurnObservation): CatalogItem | { problem: string } {
  if (typeof ref === 'string') return observation.names.item(ref);
  const item = observation.shownBefore[ref.shown - 1];
  return (
    item ?? {
      problem: `no item ${ref.shown} was shown before this turn (${observation.shownBefore.length} shown)`,
    }
  );
}

/** How an item reference reads in a report line. */
export function refLabel(ref: ItemRef, observation: TurnObservation): string {
  const item = resolveRef(ref, observation);
  const name = 'problem' in item ? undefined : titleWithYear(item);
  if (typeof ref === 'string') return name ?? ref;
  return `shown ${ref.shown}${name ? ` (${name})` : ''}`;
}

const label = (item: CatalogItem) => titleWithYear(item);
const list = (items: CatalogItem[]) => (items.length > 0 ? items.map(label).join(', ') : 'no items');

/** Items of the turn's list that break a per-item rule, as `got A (1990), B (1985)`. */
function everyItem(
  expectation: string,
  items: CatalogItem[],
  broken: (item: CatalogItem) => boolean,
  describe: (item: CatalogItem) => string = label,
): CheckResult {
  const bad = items.filter(broken);
  return bad.length === 0
    ? { expectation, passed: true }
    : { expectation, passed: false, actual: `got ${bad.map(describe).join(', ')}` };
}

const has = (values: string[], wanted: string) =>
  values.some((value) => value.toLowerCase() === wanted.toLowerCase());

/** Checks the expectations about the recommended items. */
export function checkRecommendations(expect: Expectations, observation: TurnObservation): CheckResult[] {
  const items = observation.result?.recommendations.map((entry) => entry.item) ?? [];
  const ids = items.map((item) => item.id);
  const checks: CheckResult[] = [];
  const refCheck = (name: string, ref: ItemRef, passes: (item: CatalogItem) => boolean, actual: string) => {
    const item = resolveRef(ref, observation);
    const expectation = `${name} ${refLabel(ref, observation)}`;
    if ('problem' in item) checks.push({ expectation, passed: false, actual: item.problem });
    else checks.push(passes(item) ? { expectation, passed: true } : { expectation, passed: false, actual });
  };
  for (const ref of expect.include ?? [])
    refCheck('include', ref, (item) => ids.includes(item.id), `got ${list(items)}`);
  for (const ref of expect.exclude ?? [])
    refCheck(
      'exclude',
      ref,
      (item) => !ids.includes(item.id),
      `it is number ${ids.indexOf(resolveId(ref, observation)) + 1} of ${list(items)}`,
    );
  if (expect.first !== undefined)
    refCheck('first', expect.first, (item) => ids[0] === item.id, `got ${list(items)}`);
  for (const genre of expect.genre ?? [])
    checks.push(everyItem(`genre ${genre}`, items, (item) => !has(item.genres, genre), withGenres));
  for (const genre of expect.exclude_genre ?? [])
    checks.push(everyItem(`exclude_genre ${genre}`, items, (item) => has(item.genres, genre), withGenres));
  for (const person of expect.person ?? [])
    checks.push(everyItem(`person ${person}`, items, (item) => !has(item.people, person)));
  for (const person of expect.exclude_person ?? [])
    checks.push(
      everyItem(
        `exclude_person ${person}`,
        items,
        (item) => has(item.people, person),
        (item) => `${label(item)} with ${person}`,
      ),
    );
  if (expect.year_at_least !== undefined) {
    const year = expect.year_at_least;
    checks.push(
      everyItem(`year_at_least ${year}`, items, (item) => item.year === undefined || item.year < year),
    );
  }
  if (expect.year_at_most !== undefined) {
    const year = expect.year_at_most;
    checks.push(
      everyItem(`year_at_most ${year}`, items, (item) => item.year === undefined || item.year > year),
    );
  }
  const count = (name: string, wanted: number, passes: boolean) =>
    checks.push(
      passes
        ? { expectation: `${name} ${wanted}`, passed: true }
        : { expectation: `${name} ${wanted}`, passed: false, actual: `got ${items.length}: ${list(items)}` },
    );
  if (expect.items !== undefined) count('items', expect.items, items.length === expect.items);
  if (expect.min_items !== undefined) count('min_items', expect.min_items, items.length >= expect.min_items);
  if (expect.max_items !== undefined) count('max_items', expect.max_items, items.length <= expect.max_items);
  if (expect.new_items)
    checks.push(
      everyItem(
        'new_items',
        items,
        (item) => observation.shownEarlier.has(item.id),
        (item) => `${label(item)} again`,
      ),
    );
  return checks;
}

function resolveId(ref: ItemRef, observation: TurnObservation): string {
  const item = resolveRef(ref, observation);
  return 'problem' in item ? '' : item.id;
}

function withGenres(item: CatalogItem): string {
  return `${label(item)} [${item.genres.join(', ')}]`;
}
