export {
  applyTurn,
  mergeConstraints,
  recordShown,
  relaxConstraints,
  type TurnUpdate,
  type YearAnchors,
} from './apply-turn.js';
export {
  dialogueStateSchema,
  initialState,
  type DialogueState,
  type RequestState,
  type SessionFacts,
} from './dialogue-state.js';
export { replayTranscript, type ReplayResult, type TranscriptMessage } from './replay-transcript.js';
export { resolveTitles, titleConfidence, turnUpdate, type ResolvedTitles } from './resolve-turn.js';
export { readerContext, type StateSummary } from './reader-context.js';
