/** Interactive evaluation: simulated seekers with a hidden target talk to the agent through its session API. */
export { seededRandom, type SeededRandom } from './seeded-random.js';
export type {
  AgentView,
  ContextMessage,
  Seeker,
  SeekerKind,
  SeekerMessage,
  SeekerSetup,
  SeekerUsage,
} from './seeker.js';
export { namesTarget } from './leak-check.js';
export { targetAttributes, type TargetAttributes } from './target-attributes.js';
export { createRulesSeeker } from './rules-seeker.js';
export { createLlmSeeker, llmSeeker, type LlmSeekerOptions } from './llm-seeker.js';
export {
  retrievalAgent,
  sessionAgent,
  type AgentConversation,
  type AgentTurn,
  type SimulatedAgent,
} from './simulated-agent.js';
export { simulateDialogue, type SimulatedDialogue, type SimulatedTurn } from './simulate-dialogue.js';
export { summarizeSimulation, simulationRecallDepth, type SimulationMetrics } from './simulation-metrics.js';
export {
  rulesSeeker,
  runSimulation,
  type SimulationOptions,
  type SimulationProgress,
  type SimulationReport,
} from './run-simulation.js';
export { formatSimulationMarkdown } from './format-simulation.js';
