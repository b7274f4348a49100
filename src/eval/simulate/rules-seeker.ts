import type { CatalogItem } from '../../catalog/index.js';
import { titleBase } from '../../titles/index.js';
import { namesTarget } from './leak-check.js';
import {
  decadeWords,
  eraParts,
  fallbacks,
  likedParts,
  likes,
  moreEra,
  moreGenre,
  morePlot,
  newer,
  older,
  openers,
  ordinal,
  phrase,
  plainOpeners,
  rejections,
  withPerson,
} from './seeker-phrases.js';
import type { AgentView, Seeker, SeekerSetup } from './seeker.js';
import { targetAttributes } from './target-attributes.js';

/** Years between the target and the shown items' median before the seeker asks for older or newer. */
const eraGap = 7;

/** One thing the seeker could say next, and what saying it uses up. */
interface Move {
  weight: number;
  text: string;
  said: string[];
  /** Rejections can open other moves ("not those. something older?"), likes cannot. */
  standsAlone?: boolean;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

function overlap(item: CatalogItem, target: CatalogItem): number {
  const genres = item.genres.filter((genre) => target.genres.includes(genre)).length;
  const people = item.people.filter((person) => target.people.includes(person)).length;
  return genres + 2 * people;
}

/**
 * The rules seeker: no model, deterministic for a seed. It opens with some of the target's
 * attributes (genres, decade, a title it named in the original dialogue) and, after each list
 * without the target, rejects it, narrows (older/newer, a person, a plot word, a genre) or likes a
 * shown item close to the target. Every message is checked not to name the target.
 */
export function createRulesSeeker(setup: SeekerSetup): Seeker {
  const { target, random, titles } = setup;
  const attributes = targetAttributes(target, setup.catalog, setup.context, titles);
  const said = new Set<string>();
  const safe = (text: string) => !namesTarget(text, target, titles);
  const decade = attributes.year === undefined ? undefined : decadeWords(attributes.year);

  const narrowingMoves = (): Move[] => {
    const moves: Move[] = [];
    const person = attributes.people.find((name) => !said.has(`person:${name}`));
    if (person)
      moves.push({ weight: 2, text: phrase(random, withPerson, { person }), said: [`person:${person}`] });
    const words = attributes.plotWords.filter((word) => !said.has(`plot:${word}`)).slice(0, 4);
    if (words.length > 0) {
      const word = random.pick(words);
      moves.push({ weight: 1.5, text: phrase(random, morePlot, { word }), said: [`plot:${word}`] });
    }
    const genre = attributes.genres.find((name) => !said.has(`genre:${name}`));
    if (genre)
      moves.push({ weight: 1.5, text: phrase(random, moreGenre, { genre }), said: [`genre:${genre}`] });
    if (decade && !said.has('era'))
      moves.push({ weight: 1.5, text: phrase(random, moreEra, { decade }), said: ['era'] });
    return moves;
  };

  const listMoves = (shown: CatalogItem[]): Move[] => {
    const moves: Move[] = [{ weight: 0.5, text: phrase(random, rejections), said: [], standsAlone: true }];
    const needed = Math.min(2, target.genres.length + target.people.length);
    let best: { position: number; score: number } | undefined;
    shown.forEach((item, index) => {
      const score = overlap(item, target);
      if (score >= needed && score > 0 && !said.has(`like:${item.id}`) && score > (best?.score ?? 0))
        best = { position: index + 1, score };
    });
    if (best) {
      const item = shown[best.position - 1]!;
      moves.push({
        weight: 3,
        text: phrase(random, likes, { ordinal: ordinal(best.position) }),
        said: [`like:${item.id}`],
        standsAlone: true,
      });
    }
    const shownYear = median(shown.flatMap((item) => (item.year === undefined ? [] : [item.year])));
    if (attributes.year !== undefined && shownYear !== undefined) {
      if (attributes.year < shownYear - eraGap)
        moves.push({ weight: 2, text: phrase(random, older), said: ['era'] });
      if (attributes.year > shownYear + eraGap)
        moves.push({ weight: 2, text: phrase(random, newer), said: ['era'] });
    }
    return moves;
  };

  const choose = (moves: Move[], withRejection: boolean): string => {
    const left = [...moves];
    while (left.length > 0) {
      const total = left.reduce((sum, move) => sum + move.weight, 0);
      let draw = random.next() * total;
      const index = Math.max(
        0,
        left.findIndex((move) => (draw -= move.weight) < 0),
      );
      const move = left[index]!;
      const prefix =
        withRejection && !move.standsAlone && random.chance(0.4) ? `${phrase(random, rejections)} ` : '';
      const text = `${prefix}${move.text}`;
      if (safe(text)) {
        for (const key of move.said) said.add(key);
        return text;
      }
      left.splice(index, 1);
    }
    return phrase(random, fallbacks);
  };

  return {
    open: async () => {
      const genres =
        attributes.genres.length > 1 && random.chance(0.3)
          ? attributes.genres.slice(0, 2)
          : attributes.genres.slice(0, 1);
      const era = decade && random.chance(0.5) ? phrase(random, eraParts, { decade }) : '';
      const liked =
        attributes.likedTitles.length > 0 && random.chance(0.8)
          ? random.pick(attributes.likedTitles)
          : undefined;
      const title = liked && (random.chance(0.5) ? titleBase(liked) : liked.title);
      const attempts: Array<{ genres: string[]; era: string; title?: string }> = [
        { genres, era, ...(title ? { title } : {}) },
        { genres, era },
        { genres, era: '' },
        { genres: [], era: '' },
      ];
      for (const attempt of attempts) {
        const genre = attempt.genres.join(' ');
        let text = genre
          ? phrase(random, openers, { genre, era: attempt.era })
          : phrase(random, plainOpeners, { era: attempt.era });
        if (attempt.title)
          text = `${text}${/[.?!]$/.test(text) ? '' : '.'}${phrase(random, likedParts, { title: attempt.title })}`;
        if (!genre && !attempt.title) text = `${text} ${choose(narrowingMoves(), false)}`;
        if (!safe(text)) continue;
        for (const name of attempt.genres) said.add(`genre:${name}`);
        if (attempt.era) said.add('era');
        return { text };
      }
      return { text: phrase(random, plainOpeners, { era: '' }) };
    },
    react: async (view: AgentView) => {
      const moves = [...(view.shown.length > 0 ? listMoves(view.shown) : []), ...narrowingMoves()];
      return { text: choose(moves, view.shown.length > 0) };
    },
  };
}
