export { TitleResolver, type ResolvedTitle, type TitleMention } from './title-resolver.js';
export { titleKey, splitYear } from './normalize-title.js';
