export { TitleResolver, type ResolvedTitle, type TitleMention } from './title-resolver.js';
export { splitYear, titleBase, titleKey } from './normalize-title.js';
export { TitleFinder, type TitleFinderOptions } from './title-finder.js';
export type { FoundTitle } from './found-title.js';
export { SeriesIndex } from './series-index.js';
export { fanNouns, personNouns } from './title-evidence.js';
export { titleConnectors } from './title-connectors.js';
