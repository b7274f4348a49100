import { ungroundedTitles, type GroundingContext } from '../../explain/grounded-prose.js';
import type { RerankOutcome } from '../../ranking/reranker.js';
import { displayText } from '../../untrusted/index.js';
import type { Degradation } from '../turn-events.js';

/**
 * The model's reply and reasons as far as the user may see them: the reply only when at least one
 * handle it picked was a candidate and it names no title but the allowed items' (see
 * `ungroundedTitles`), each reason only when it names none either; empty strings where the caller
 * writes its own. A `degradation` says what was replaced, without repeating the names.
 */
export function groundedAnswer(
  outcome: RerankOutcome,
  grounding: GroundingContext,
): { reply: string; reasons: string[]; degradation?: Degradation } {
  const prose = (text: string | undefined) => displayText(text ?? '', { singleLine: true }).trim();
  const reply = prose(outcome.reply);
  // A reply written around picks none of which is a candidate describes items the user will not see
  // (the problems say how many handles were unknown and how many picks were the model's own).
  const unknownPicks = outcome.problems.filter((problem) => problem.startsWith('unknown handle')).length;
  const ownPicks = /^model returned (\d+) of/.exec(
    outcome.problems.find((problem) => problem.startsWith('model returned')) ?? '',
  );
  const allRejected = unknownPicks > 0 && (ownPicks ? Number(ownPicks[1]) : outcome.picks.length) === 0;
  const invented = reply && !allRejected ? ungroundedTitles(reply, grounding).length : 0;
  let rewritten = 0;
  const reasons = outcome.picks.map((pick) => {
    const reason = prose(pick.reason);
    if (!reason || ungroundedTitles(reason, grounding).length === 0) return reason;
    rewritten++;
    return '';
  });
  const replaced = reply !== '' && (allRejected || invented > 0);
  if (!replaced && rewritten === 0) return { reply, reasons };
  const parts = [
    replaced && allRejected
      ? `none of the model's picks was a candidate, so its reply was replaced with a plain one`
      : '',
    replaced && invented > 0
      ? `the model's reply named ${invented} title${invented === 1 ? '' : 's'} that ${invented === 1 ? 'is' : 'are'} not among this turn's picks, so it was replaced with a plain one`
      : '',
    rewritten > 0
      ? `${rewritten} reason${rewritten === 1 ? '' : 's'} named titles not among the picks and ${rewritten === 1 ? 'was' : 'were'} rewritten from the items' attributes`
      : '',
  ];
  return {
    reply: replaced ? '' : reply,
    reasons,
    degradation: {
      stage: 'rerank',
      code: 'MODEL_OUTPUT_INVALID',
      message: parts.filter(Boolean).join('; '),
    },
  };
}
