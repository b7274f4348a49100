import type { RankingFeatureName } from './ranking-features.js';

/** Coefficients of the offline ranker's linear model; a feature without one counts 0. */
export interface OfflineRankerWeights {
  features: Partial<Record<RankingFeatureName, number>>;
}

/**
 * Fitted on all ReDial valid turns (`valid_rec_turns.jsonl`) by a listwise softmax loss (the target
 * items against the other candidates of their turn, features standardized, L2 10/1000, L-BFGS), on
 * the candidates of both the retrieval reading (readDialogue → retrieve k=150) and the whole offline
 * agent turn, with each turn's co-occurrence log built without its fold's dialogues as
 * run-redial-eval does. Scripts: scratch/offline/{dump.ts,export.py,eval-ts.ts} (not in git).
 * 5-fold cross-validated on valid, retrieval reading: R@10 .189 → .213, R@50 .391 → .421.
 */
export const defaultOfflineRankerWeights: OfflineRankerWeights = {
  features: {
    'dense:in': 0.04208,
    'dense:rr': -0.1671,
    'lexical:in': 0.06061,
    'lexical:rr': -0.1585,
    'content:in': -0.05401,
    'content:rr': -0.5393,
    'collaborative:in': -0.3924,
    'collaborative:rr': 0.5784,
    'sessions:in': 0.2647,
    'sessions:rr': 0.1675,
    'genre:in': -0.1947,
    'genre:rr': -0.3183,
    'people:in': 1.499,
    'people:rr': -1.149,
    'years:in': 0.6633,
    'years:rr': -0.299,
    'recent:in': 0.5412,
    'recent:rr': -1.735,
    'popularity:in': -0.2123,
    'popularity:rr': -0.5411,
    'fused:position': -2.187,
    'fused:log-position': -0.5729,
    'fused:relative-score': 1.195,
    'popularity:log': 0.5763,
    'popularity:zero': 0.3591,
    'cooccurrence:cosine-sum': -1.217,
    'cooccurrence:cosine-max': -1.102,
    'cooccurrence:cosine-first': 0.3025,
    'cooccurrence:conditional-sum': -0.5254,
    'cooccurrence:log-count': -0.2054,
    'cooccurrence:liked-share': 0.2698,
    'cooccurrence:mentioned-cosine-sum': 1.933,
    'cooccurrence:mentioned-log-count': 0.6534,
    'cooccurrence:disliked-cosine-sum': -0.7073,
    'sequence:follows-log': 0.05055,
    'sequence:next-log': 0.1401,
    'sequence:precedes-log': 0.01987,
    'sessions:knn-score': -0.0557,
    'sessions:knn-log-count': -0.2388,
    'content:cosine-max': 0.3713,
    'content:cosine-mean': -0.2007,
    'content:cosine-first': 0.5096,
    'genre:liked-cosine': 0.9556,
    'genre:liked-jaccard-max': 0.2172,
    'genre:preferred-share': 0.4645,
    'genre:preferred-none': -0.4839,
    'people:liked-shared': 0.8476,
    'people:preferred': 0.2392,
    'year:missing': -0.4289,
    'year:recency': -0.007758,
    'year:preferred-inside': -0.0281,
    'year:preferred-distance': -0.1093,
    'year:liked-distance': -0.09038,
    'mention:liked': 0.7993,
    'mention:seen': -5.617,
    'context:no-liked-popularity': 0.4924,
    'context:no-liked-dense': 1.472,
  },
};
