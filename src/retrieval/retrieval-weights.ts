import { z } from 'zod';

/** How much each signal counts in fusion; tuned on ReDial valid. */
export interface RetrievalWeights {
  dense: number;
  lexical: number;
  content: number;
  collaborative: number;
  popularity: number;
  disliked: number;
  /** How many hits each source list contributes. */
  depth: number;
  /** The k of reciprocal rank fusion. */
  rrfK: number;
  /** Weight multiplier per position in `likedIds` (1, decay, decay², ...). */
  likedDecay: number;
  /** Popularity exponent of co-occurrence similarity (0.5 = cosine). */
  collaborativeAlpha: number;
  collaborativeShrinkage: number;
  /** Popular items of the genres the user asked for. */
  genre: number;
  /** Items already in the conversation that stay relevant (`recentIds`). */
  recent: number;
  /** Items of logged sessions that share the most liked items with this one (session kNN). */
  sessions: number;
  /** Popular items from the years the user asked for. */
  years: number;
  /** Popular items naming the people the user asked for. */
  people: number;
  /** How many content neighbours each liked item contributes. */
  contentDepth: number;
  /** How many neighbouring sessions session kNN reads. */
  sessionNeighbours: number;
  /** Titles a language model proposed for the request (`proposedIds`), resolved to catalog items. */
  proposed: number;
  /** Exponent β of the popularity prior: fused scores are multiplied by (1 + sessions)^β. */
  popularityPrior: number;
  /**
   * How the lists are fused: 0 = weighted reciprocal rank fusion; 1 = score fusion with each list's
   * scores z-normalised per query; 2 = score fusion with min-max normalisation.
   */
  fusion: number;
  /** Personalised PageRank over the catalog graph (people, genres, decades) from the liked items. */
  graph: number;
  /** Restart probability of that walk per item-to-item hop. */
  graphRestart: number;
  /** Neighbours of the liked items in the item space learned from the log (SPPMI + SVD). */
  similarity: number;
  /** Dimensions of the learned item space. */
  similarityRank: number;
}

/** Tuned by coordinate descent on ReDial valid (5 folds, log without the evaluated dialogues). */
export const defaultRetrievalWeights: RetrievalWeights = {
  dense: 0.3,
  lexical: 0.3,
  content: 0.8,
  collaborative: 1.5,
  popularity: 0,
  popularityPrior: 0.2,
  sessions: 0.5,
  sessionNeighbours: 100,
  contentDepth: 100,
  people: 3,
  years: 1,
  disliked: -0.5,
  depth: 150,
  rrfK: 30,
  likedDecay: 0.9,
  collaborativeAlpha: 0.3,
  collaborativeShrinkage: 8,
  genre: 1.5,
  recent: 2,
  // Untuned: no LLM to propose titles here. He et al. 2023 put GPT-4's own titles near the best
  // single signal on ReDial, so they get the weight of the collaborative list.
  proposed: 1.5,
  // Score fusion (1, 2) lost to RRF in cross-validation on valid and on test; kept as an option.
  fusion: 0,
  // Fitted by 5-fold dialogue-level cross-validation on ReDial valid (bench/fusion-cv.ts).
  graph: 1.5,
  graphRestart: 0.4,
  similarity: 0.25,
  similarityRank: 48,
};

const weight = z.number().finite();
const count = z.number().int().positive();

/**
 * Overrides of the retrieval weights from outside (e.g. `convrec eval --weights`): known names only,
 * finite numbers, whole positive counts for depths and `rrfK` above 0.
 */
export const retrievalWeightsSchema = (
  z.strictObject({
    dense: weight,
    lexical: weight,
    content: weight,
    collaborative: weight,
    popularity: weight,
    disliked: weight,
    depth: count,
    rrfK: weight.positive(),
    likedDecay: weight,
    collaborativeAlpha: weight,
    collaborativeShrinkage: weight,
    genre: weight,
    recent: weight,
    sessions: weight,
    years: weight,
    people: weight,
    contentDepth: count,
    sessionNeighbours: count,
    proposed: weight,
    popularityPrior: weight,
    fusion: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    graph: weight,
    graphRestart: weight.positive().max(1),
    similarity: weight,
    similarityRank: count,
  }) satisfies z.ZodType<RetrievalWeights>
).partial();
