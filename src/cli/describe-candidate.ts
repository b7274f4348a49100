import type { Candidate } from '../retrieval/index.js';
import { displayText } from '../untrusted/index.js';

/** One line saying where a candidate came from, in the user's terms. */
export function describeSources(candidate: Candidate): string {
  const ranks = candidate.ranks;
  const reasons: string[] = [];
  if (ranks.recent !== undefined) reasons.push('already in this conversation');
  if (ranks.collaborative !== undefined) reasons.push('often mentioned with titles you named');
  if (ranks.content !== undefined) reasons.push('similar to titles you named');
  if (ranks.lexical !== undefined || ranks.dense !== undefined) reasons.push('matches your words');
  if (ranks.genre !== undefined) reasons.push('a popular pick in the genre you asked for');
  if (reasons.length === 0)
    reasons.push(ranks.popularity !== undefined ? 'popular overall' : 'fits your constraints');
  return reasons.join('; ');
}

/** A compact one-line card: "Heat (1995) — crime, thriller — Michael Mann", safe to print. */
export function formatCard(candidate: Candidate, index: number): string {
  const { item } = candidate;
  const year = item.year !== undefined && !item.title.includes(`(${item.year})`) ? ` (${item.year})` : '';
  const genres = item.genres.length > 0 ? ` — ${item.genres.slice(0, 3).join(', ')}` : '';
  const people = item.people.length > 0 ? ` — ${item.people.slice(0, 2).join(', ')}` : '';
  return `${index + 1}. ${displayText(`${item.title}${year}${genres}${people}`, { singleLine: true })}`;
}
