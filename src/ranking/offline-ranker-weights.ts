import type { RankingFeatureName } from './ranking-features.js';

/** Coefficients of the offline ranker's linear model; a feature without one counts 0. */
export interface OfflineRankerWeights {
  features: Partial<Record<RankingFeatureName, number>>;
}

/**
 * Fit on all ReDial valid turns by a listwise softmax loss (each target item against the other
 * candidates of its turn; features standardized, L2, L-BFGS-B), on the candidates of both the
 * retrieval reading (readDialogue → retrieve k=150) and the whole offline agent turn, each turn's
 * co-occurrence log built without its fold's dialogues as run-redial-eval does. Co-occurrence,
 * content, genre and people matches may only raise a candidate and mismatches only lower it, so
 * the model stays sensible beyond the data it saw. Scripts: scratch/offline/{dump.ts,export.py,
 * write-weights.py} (not in git). 5-fold cross-validated on valid (L2 10/1000, sign-bounded):
 * retrieval reading R@10 .211, R@50 .420; whole offline agent turn R@10 .190, R@50 .382.
 */
export const defaultOfflineRankerWeights: OfflineRankerWeights = {
  features: {
    'dense:in': 0.01908,
    'dense:rr': -0.2315,
    'lexical:in': 0.1017,
    'lexical:rr': -0.1734,
    'content:in': -0.0672,
    'content:rr': -0.5056,
    'collaborative:in': -0.3766,
    'collaborative:rr': 0.258,
    'sessions:in': 0.3265,
    'sessions:rr': 0.4765,
    'genre:in': -0.2064,
    'genre:rr': -0.2587,
    'people:in': 1.523,
    'people:rr': -1.122,
    'years:in': 0.669,
    'years:rr': -0.2588,
    'recent:in': 0.5796,
    'recent:rr': -1.645,
    'popularity:in': -0.2104,
    'popularity:rr': -0.7827,
    'fused:position': -2.281,
    'fused:log-position': -0.6051,
    'fused:relative-score': 1.043,
    'popularity:log': 0.5427,
    'popularity:zero': 0.3897,
    'cooccurrence:liked-share': 0.2295,
    'cooccurrence:mentioned-log-count': 0.09638,
    'sequence:follows-log': 0.07922,
    'sequence:next-log': 0.08617,
    'content:cosine-max': 0.2645,
    'content:cosine-first': 0.4286,
    'genre:liked-cosine': 0.9029,
    'genre:liked-jaccard-max': 0.2573,
    'genre:preferred-share': 0.4656,
    'genre:preferred-none': -0.5028,
    'people:liked-shared': 0.8098,
    'people:preferred': 0.3026,
    'year:missing': -0.4176,
    'year:preferred-distance': -0.1099,
    'year:liked-distance': -0.08835,
    'mention:seen': -5.258,
    'context:no-liked-popularity': 0.5976,
    'context:no-liked-dense': 1.603,
  },
};
