import { z } from 'zod';
import { ConvrecError } from '../../errors/index.js';
import { messageWords } from '../../nlp/index.js';
import { messageFrames, type IntentContext, type IntentModel } from './intent.js';
import type { MessageReading } from './read-message.js';

export const intentClasses = ['recommend', 'refine', 'ask-about-item', 'chit-chat'] as const;
export type IntentClass = (typeof intentClasses)[number];

/** A trained model as stored: one weight per class for every feature, and how it was trained. */
export const intentModelSchema = z
  .object({
    kind: z.literal('softmax-regression'),
    classes: z.array(z.enum(intentClasses)).length(intentClasses.length),
    bias: z.array(z.number()).length(intentClasses.length),
    weights: z.record(z.string(), z.array(z.number()).length(intentClasses.length)),
    trainedOn: z.object({
      examples: z.number().int(),
      corpusHash: z.string(),
      l2: z.number(),
      epochs: z.number().int(),
    }),
  })
  .strict();

export type StoredIntentModel = z.infer<typeof intentModelSchema>;

/**
 * The features of a message for intent: what the reader found (a title, a shown-list reference, a
 * verdict, a constraint…), the conversation (is a list shown, is a request in force), the shape of
 * the text (a question, its length), its framing (`messageFrames`) and its lemmas and lemma pairs,
 * with recognised things replaced by their kind so "loved Heat" and "loved Alien" are one feature.
 */
export function intentFeatures(reading: MessageReading, context: IntentContext): string[] {
  const { understanding, analysis, mentions } = reading;
  const shown = context.lastShown.length > 0;
  const text = analysis.text.trim().toLowerCase();
  const question = /\?\s*$/.test(text);
  const words = messageWords(analysis);
  const kindAt = new Map<number, string>();
  for (const mention of mentions) {
    const kind = mention.kind === 'concept' ? mention.conceptKind : mention.kind;
    for (let index = mention.start; index < mention.end; index++) kindAt.set(index, `<${kind}>`);
  }
  const sequence: string[] = [];
  words.forEach((word, index) => {
    const kind = kindAt.get(index);
    if (kind) {
      if (sequence[sequence.length - 1] !== kind) sequence.push(kind);
    } else {
      sequence.push(/^\d+$/.test(word.norm) ? '<number>' : word.lemma);
    }
  });
  const flags: Record<string, boolean> = {
    shown,
    'no-shown': !shown,
    request: context.hasRequest,
    answered: context.answered,
    title: understanding.mentionedTitles.length > 0,
    'title-liked': understanding.mentionedTitles.some((title) => title.sentiment === 'liked'),
    'title-neutral': understanding.mentionedTitles.some((title) => title.sentiment === 'neutral'),
    reference: understanding.referencedPosition !== null,
    feedback: understanding.shownFeedback.length > 0,
    rejects: understanding.rejectsShown,
    content: reading.ownContent,
    adjusts: reading.adjusts,
    genre: understanding.preferences.genres.length + understanding.constraints.genres.length > 0,
    exclusion:
      understanding.constraints.excludeGenres.length + understanding.constraints.excludePeople.length > 0,
    person: understanding.preferences.people.length > 0,
    quality: understanding.qualities.length > 0,
    audience: understanding.audiences.length > 0,
    years: understanding.constraints.yearFrom !== null || understanding.constraints.yearTo !== null,
    relax:
      understanding.relax.years ||
      understanding.relax.genres ||
      understanding.relax.excludeGenres.length +
        understanding.relax.excludePeople.length +
        understanding.relax.qualities.length >
        0,
    direction: understanding.yearDirection !== null,
    quantity: understanding.quantity !== null,
    question,
    'wh-start': /^(why|what|who|when|where|how|which|is|was|does|did|are|can|could|tell)\b/.test(text),
    short: words.length <= 3,
    long: words.length > 15,
    query: reading.query.split(' ').filter((word) => word.length > 3).length >= 2,
    nothing:
      reading.query.length === 0 && mentions.length === 0 && understanding.mentionedTitles.length === 0,
  };
  const features = Object.entries(flags).flatMap(([name, on]) => (on ? [`flag:${name}`] : []));
  // How the message is framed, by the phrase lists rules use too ("also…", "have you seen X?").
  for (const [name, on] of Object.entries(messageFrames(reading))) if (on) features.push(`frame:${name}`);
  // Crosses a linear model cannot form by itself.
  for (const [left, right] of [
    ['shown', 'question'],
    ['shown', 'reference'],
    ['shown', 'title'],
    ['no-shown', 'question'],
    ['title', 'question'],
    ['shown', 'nothing'],
    ['shown', 'content'],
    ['shown', 'adjusts'],
    ['no-shown', 'nothing'],
  ] as const) {
    if (flags[left] && flags[right]) features.push(`cross:${left}&${right}`);
  }
  const first = sequence[0];
  if (first) features.push(`first:${first}`);
  for (const lemma of new Set(sequence)) features.push(`lemma:${lemma}`);
  for (let index = 0; index + 1 < Math.min(sequence.length, 24); index++)
    features.push(`pair:${sequence[index]} ${sequence[index + 1]}`);
  return features;
}

function softmax(scores: number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** A loaded intent model. */
export class IntentClassifier implements IntentModel {
  private constructor(private readonly model: StoredIntentModel) {}

  /** Validates a stored model; `source` names it in errors. */
  static load(value: unknown, source: string): IntentClassifier {
    const parsed = intentModelSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConvrecError(
        'CONFIG_INVALID',
        `${source}: field "${issue?.path.join('.')}" ${issue?.message}`,
      );
    }
    return new IntentClassifier(parsed.data);
  }

  scores(features: string[]): number[] {
    const scores = [...this.model.bias];
    for (const feature of features) {
      const weights = this.model.weights[feature];
      if (!weights) continue;
      for (let index = 0; index < scores.length; index++) scores[index]! += weights[index]!;
    }
    return softmax(scores);
  }

  predict(reading: MessageReading, context: IntentContext): IntentClass {
    const scores = this.scores(intentFeatures(reading, context));
    let best = 0;
    for (let index = 1; index < scores.length; index++) if (scores[index]! > scores[best]!) best = index;
    return this.model.classes[best]!;
  }
}

/** One labelled example: its features and class. */
export interface IntentExample {
  features: string[];
  label: IntentClass;
}

/**
 * Fits softmax regression by full-batch gradient descent with L2 (deterministic: zero start, fixed
 * step and epochs). Features seen fewer than `minCount` times are left out.
 */
export function trainIntentModel(
  examples: IntentExample[],
  options: { l2?: number; epochs?: number; rate?: number; minCount?: number; corpusHash: string },
): StoredIntentModel {
  const { l2 = 0.01, epochs = 400, rate = 0.5, minCount = 2 } = options;
  const counts = new Map<string, number>();
  for (const example of examples)
    for (const feature of new Set(example.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vocabulary = [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .map(([feature]) => feature)
    .sort();
  const indexOf = new Map(vocabulary.map((feature, index) => [feature, index]));
  const classCount = intentClasses.length;
  const weights = vocabulary.map(() => new Float64Array(classCount));
  const bias = new Float64Array(classCount);
  const rows = examples.map((example) => ({
    features: [...new Set(example.features)].flatMap((feature) => {
      const index = indexOf.get(feature);
      return index === undefined ? [] : [index];
    }),
    label: intentClasses.indexOf(example.label),
  }));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradients = vocabulary.map(() => new Float64Array(classCount));
    const biasGradient = new Float64Array(classCount);
    for (const row of rows) {
      const scores = Array.from(bias);
      for (const feature of row.features)
        for (let index = 0; index < classCount; index++) scores[index]! += weights[feature]![index]!;
      const probabilities = softmax(scores);
      for (let index = 0; index < classCount; index++) {
        const error = probabilities[index]! - (index === row.label ? 1 : 0);
        biasGradient[index]! += error;
        for (const feature of row.features) gradients[feature]![index]! += error;
      }
    }
    const scale = rate / Math.max(1, rows.length);
    for (let index = 0; index < classCount; index++) bias[index]! -= scale * biasGradient[index]!;
    weights.forEach((row, feature) => {
      for (let index = 0; index < classCount; index++)
        row[index]! -= scale * gradients[feature]![index]! + rate * l2 * row[index]!;
    });
  }
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return {
    kind: 'softmax-regression',
    classes: [...intentClasses],
    bias: Array.from(bias, round),
    weights: Object.fromEntries(
      vocabulary
        .map((feature, index) => [feature, Array.from(weights[index]!, round)] as const)
        .filter(([, row]) => row.some((value) => value !== 0)),
    ),
    trainedOn: { examples: examples.length, corpusHash: options.corpusHash, l2, epochs },
  };
}
