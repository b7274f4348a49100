import { z } from 'zod';

const pickSchema = z.object({ handle: z.string().regex(/^c\d+$/), reason: z.string() });

export const rerankOutputSchema = z.object({
  reply: z.string(),
  picks: z.array(pickSchema),
});

export type RerankOutput = z.infer<typeof rerankOutputSchema>;

const pickLine = /^\s*(?:[-*•]\s+)?(?:\d+\s*[.):-]\s*)?[*_]*\[?(c\d+)\]?[*_]*\s*(?:[|:—–-]\s*(.*))?$/i;

/**
 * Reads the reranker's plain-text answer (`REPLY: …` then `1. c7 | reason` lines) tolerantly:
 * prose around it, missing numbers, brackets around handles and other separators are accepted.
 * Validation against the candidate set happens later.
 */
export function parseRerankOutput(text: string): RerankOutput {
  const lines = text.replace(/\r/g, '').split('\n');
  let reply = '';
  let inReply = false;
  const picks: RerankOutput['picks'] = [];
  for (const line of lines) {
    const replyMatch = /^\s*[*_]*reply[*_]*\s*:[*_]*\s*(.*)$/i.exec(line);
    if (replyMatch) {
      reply = (replyMatch[1] ?? '').trim();
      inReply = true;
      continue;
    }
    const match = pickLine.exec(line);
    if (match) {
      inReply = false;
      picks.push({ handle: match[1]!.toLowerCase(), reason: (match[2] ?? '').trim() });
      continue;
    }
    // A reply that runs over to a second line before the list starts.
    if (inReply && picks.length === 0 && line.trim()) reply = `${reply} ${line.trim()}`.trim();
  }
  const parsed = rerankOutputSchema.safeParse({ reply, picks });
  return parsed.success ? parsed.data : { reply: '', picks: [] };
}

/** Handles in a sliding-window answer ("c4 > c1 > c3"), in order, as written. */
export function parsePermutation(text: string): string[] {
  return [...text.toLowerCase().matchAll(/\bc(\d+)\b/g)].map((match) => `c${match[1]}`);
}

/**
 * Streams the `REPLY:` line of a rerank answer as it arrives: feed it the growing text, get back
 * the new part of the reply to show.
 */
export class ReplyStreamer {
  private emitted = 0;
  private done = false;

  /** The reply characters not yet emitted, given the whole text so far. */
  next(text: string): string {
    if (this.done) return '';
    const start = /\breply[*_]*\s*:[*_]*[ \t]*/i.exec(text);
    if (!start) return '';
    const from = start.index + start[0].length;
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    if (newline !== -1) this.done = true;
    const reply = text.slice(from, end);
    const delta = reply.slice(this.emitted);
    this.emitted = reply.length;
    return delta;
  }
}
