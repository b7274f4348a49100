import { foldText } from '../text/tokenize.js';

/** A release-year range a user asked for; either end may be open. */
export interface YearRange {
  from?: number;
  to?: number;
}

const decadeWords: Record<string, number> = {
  twenties: 1920,
  thirties: 1930,
  forties: 1940,
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  eighties: 1980,
  nineties: 1990,
};

/**
 * The year range a text asks for: "80s" / "1980s" / "eighties" → 1980–1989, "after 2000" →
 * 2001–, "before 1990" → –1989, "recent" / "new" → the catalog's last few years, "old" /
 * "classic" → before 1980. Undefined when the text says nothing about time.
 */
export function yearHint(text: string, latestYear: number): YearRange | undefined {
  const folded = foldText(text);
  const decade = /\b(?:19|20)?(\d)0'?s\b/.exec(folded);
  if (decade?.[1]) {
    const full = /\b((?:19|20)\d0)'?s\b/.exec(folded);
    const start = full?.[1]
      ? Number(full[1])
      : (Number(decade[1]) <= 2 ? 2000 : 1900) + Number(decade[1]) * 10;
    return { from: start, to: start + 9 };
  }
  for (const [word, start] of Object.entries(decadeWords)) {
    if (new RegExp(`\\b${word}\\b`).test(folded)) return { from: start, to: start + 9 };
  }
  const after = /\b(?:after|since|newer than|from)\s+((?:19|20)\d\d)\b/.exec(folded);
  const before = /\b(?:before|older than|prior to)\s+((?:19|20)\d\d)\b/.exec(folded);
  if (after?.[1] || before?.[1]) {
    return {
      ...(after?.[1] ? { from: Number(after[1]) + (/\bfrom\b/.test(after[0]) ? 0 : 1) } : {}),
      ...(before?.[1] ? { to: Number(before[1]) - 1 } : {}),
    };
  }
  if (/\b(recent|newer|new release|new releases|came out (this|last) year|latest)\b/.test(folded)) {
    return { from: latestYear - 3 };
  }
  if (/\b(old|older|classic|classics|oldies|black and white)\b/.test(folded)) return { to: 1979 };
  return undefined;
}
