export { TitleResolver, type ResolvedTitle, type TitleMention } from './title-resolver.js';
export { splitYear, titleBase, titleKey } from './normalize-title.js';
export { TitleFinder, type FoundTitle, type TitleFinderOptions } from './title-finder.js';
