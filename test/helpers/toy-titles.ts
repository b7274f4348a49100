import { EnglishAnalyzer } from '../../src/nlp/index.js';
import { TitleFinder, TitleResolver, type TitleFinderOptions } from '../../src/titles/index.js';
import { toyCatalog } from './toy-catalog.js';

/** A title finder over a toy catalog of dramas (id, title, year), and what it finds in a text. */
export function toyTitleFinder(
  films: [id: string, title: string, year: number][],
  options: TitleFinderOptions = {},
) {
  const catalog = toyCatalog(
    films.map(([id, title, year]) => ({ id, title, year, genres: ['drama'], description: 'a film' })),
  );
  const finder = new TitleFinder(catalog, new TitleResolver(catalog), options);
  const analyzer = new EnglishAnalyzer();
  /** The ids each found title stands for, in order. */
  const found = (text: string) =>
    finder.find(analyzer.analyze(text)).map((title) => title.items.map((item) => item.id));
  return { catalog, finder, analyzer, found };
}
