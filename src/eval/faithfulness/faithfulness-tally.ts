import type { Catalog, CatalogItem } from '../../catalog/index.js';
import type { TitleResolver } from '../../titles/index.js';
import { claimVocabulary, type Claim, type ClaimKind, type ClaimVocabulary } from './claim-vocabulary.js';
import { unsupportedClaims } from './check-reason.js';

/** A reason shown next to a recommended item. */
export interface ShownReason {
  itemId: string;
  reason: string;
}

/** How many shown reasons make no unsupported claim, and what the others claimed. */
export interface FaithfulnessReport {
  /** Non-empty reasons checked. */
  reasons: number;
  /** Reasons with no unsupported claim. */
  faithful: number;
  /** faithful / reasons; null when no reason was shown. */
  share: number | null;
  /** Unsupported claims by kind (a reason may make several). */
  unsupported: Record<ClaimKind, number>;
  /** The first few unfaithful reasons, to read (at most 3 whose first unsupported claim is of one kind). */
  examples: { turnId: string; itemId: string; reason: string; claims: Claim[] }[];
}

const examplesPerKind = 3;

/**
 * Checks every reason shown during an evaluation against its item and the dialogue it answered
 * (see `unsupportedClaims`) and counts the faithful ones.
 */
export class FaithfulnessTally {
  private readonly vocabulary: ClaimVocabulary;
  private reasons = 0;
  private faithful = 0;
  private readonly unsupported: Record<ClaimKind, number> = { genre: 0, person: 0, year: 0, title: 0 };
  private readonly examples: FaithfulnessReport['examples'] = [];

  constructor(
    private readonly catalog: Catalog,
    private readonly titles: TitleResolver,
  ) {
    this.vocabulary = claimVocabulary(catalog);
  }

  /** Checks one turn's shown reasons; `mentionedIds` are items the data set says the dialogue named. */
  add(
    turnId: string,
    dialogue: readonly string[],
    shown: readonly ShownReason[],
    mentionedIds: readonly string[] = [],
  ): Claim[][] {
    const named = new Map<string, CatalogItem>();
    for (const id of mentionedIds) {
      const item = this.catalog.byId.get(id);
      if (item) named.set(id, item);
    }
    for (const message of dialogue)
      for (const mention of this.titles.findMentions(message)) named.set(mention.item.id, mention.item);
    const dialogueItems = [...named.values()];
    const catalogTitled = (text: string) => this.titles.exactItems(text);
    return shown.map(({ itemId, reason }) => {
      const item = this.catalog.byId.get(itemId);
      if (!item || !reason.trim()) return [];
      const claims = unsupportedClaims(
        reason,
        { item, dialogue, dialogueItems, catalogTitled },
        this.vocabulary,
      );
      this.reasons++;
      if (claims.length === 0) this.faithful++;
      for (const claim of claims) this.unsupported[claim.kind]++;
      const kind = claims[0]?.kind;
      if (
        kind &&
        this.examples.filter((example) => example.claims[0]!.kind === kind).length < examplesPerKind
      )
        this.examples.push({ turnId, itemId, reason, claims });
      return claims;
    });
  }

  report(): FaithfulnessReport {
    return {
      reasons: this.reasons,
      faithful: this.faithful,
      share: this.reasons === 0 ? null : this.faithful / this.reasons,
      unsupported: { ...this.unsupported },
      examples: this.examples.map((example) => ({ ...example, claims: [...example.claims] })),
    };
  }
}
