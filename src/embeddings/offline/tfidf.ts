import { tokenize } from '../../text/tokenize.js';
import type { SparseVector } from './sparse-matrix.js';

/** Unigrams plus adjacent-word bigrams ("michael mann" → "michael", "mann", "michael_mann"). */
export function terms(text: string): string[] {
  const tokens = tokenize(text);
  const out = [...tokens];
  for (let index = 1; index < tokens.length; index++) out.push(`${tokens[index - 1]}_${tokens[index]}`);
  return out;
}

/** A fitted TF-IDF vocabulary. */
export interface TfidfVocabulary {
  terms: string[];
  idf: Float64Array;
  lookup: Map<string, number>;
}

/** Builds the vocabulary: terms in at least `minDocumentFrequency` texts, the `maxTerms` most frequent kept. */
export function fitVocabulary(
  texts: string[],
  options: { minDocumentFrequency?: number; maxTerms?: number } = {},
): TfidfVocabulary {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(terms(text)))
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const minimum = options.minDocumentFrequency ?? 2;
  const kept = [...documentFrequency.entries()]
    .filter(([, count]) => count >= minimum && count < texts.length)
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .slice(0, options.maxTerms ?? 30_000);
  kept.sort((left, right) => (left[0] < right[0] ? -1 : 1));
  const idf = new Float64Array(kept.length);
  kept.forEach(([, count], index) => (idf[index] = Math.log((texts.length + 1) / (count + 1)) + 1));
  const vocabularyTerms = kept.map(([term]) => term);
  return {
    terms: vocabularyTerms,
    idf,
    lookup: new Map(vocabularyTerms.map((term, index) => [term, index])),
  };
}

/** Sublinear TF × IDF, L2-normalized; unknown terms are ignored. */
export function vectorize(text: string, vocabulary: TfidfVocabulary): SparseVector {
  const counts = new Map<number, number>();
  for (const term of terms(text)) {
    const index = vocabulary.lookup.get(term);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const indices = Uint32Array.from([...counts.keys()].sort((left, right) => left - right));
  const values = new Float64Array(indices.length);
  let norm = 0;
  indices.forEach((index, position) => {
    const weight = (1 + Math.log(counts.get(index)!)) * vocabulary.idf[index]!;
    values[position] = weight;
    norm += weight * weight;
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let position = 0; position < values.length; position++) values[position]! /= norm;
  return { indices, values };
}
