/** Explanation faithfulness: the genres, people, years and titles a shown reason names, checked against the item and the dialogue. */
export { claimVocabulary, type Claim, type ClaimKind, type ClaimVocabulary } from './claim-vocabulary.js';
export { unsupportedClaims, type ReasonEvidence } from './check-reason.js';
export { FaithfulnessTally, type FaithfulnessReport, type ShownReason } from './faithfulness-tally.js';
