import type { Catalog, CatalogItem } from '../../catalog/index.js';
import type { TitleResolver } from '../../titles/index.js';
import type { SeededRandom } from './seeded-random.js';

/** Model use of a seeker message (zero for the rules seeker). */
export interface SeekerUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Drafts dropped because they named the target (or were empty) and written again. */
  regenerated: number;
}

/** What the simulated seeker types next. */
export interface SeekerMessage {
  text: string;
  usage?: SeekerUsage;
}

/** What the seeker saw of the agent's last turn. */
export interface AgentView {
  reply: string;
  /** The items shown, in order; empty when the agent asked or talked instead. */
  shown: CatalogItem[];
}

/** A simulated user with a hidden target: opens the conversation, then reacts to each answer. */
export interface Seeker {
  open(signal?: AbortSignal): Promise<SeekerMessage>;
  react(view: AgentView, signal?: AbortSignal): Promise<SeekerMessage>;
}

/** One message of the original dialogue a target comes from. */
export interface ContextMessage {
  role: 'user' | 'assistant';
  text: string;
}

/** What a seeker is built from: the hidden target, the original dialogue and a seeded source of choices. */
export interface SeekerSetup {
  target: CatalogItem;
  context: ContextMessage[];
  catalog: Catalog;
  titles: TitleResolver;
  random: SeededRandom;
}

/** A kind of simulated seeker, by name. */
export interface SeekerKind {
  name: string;
  create: (setup: SeekerSetup) => Seeker;
}
