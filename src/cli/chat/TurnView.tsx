import { Box, Text } from 'ink';
import { WrappedText } from './WrappedText.js';
import type { Recommendation } from '../../agent/index.js';
import type { LiveTurn, TurnEntry } from './chat-state.js';
import { RecommendationList } from './RecommendationCard.js';
import { displayText } from '../../untrusted/index.js';

function Reply({ text, placeholder }: { text: string; placeholder?: string }) {
  return (
    <WrappedText>
      <Text color="green" bold>
        convrec ›{' '}
      </Text>
      {displayText(text) || <Text dimColor>{placeholder ?? ''}</Text>}
    </WrappedText>
  );
}

function Body({ reply, recommendations }: { reply: string; recommendations: Recommendation[] }) {
  return (
    <>
      {reply ? <Reply text={reply} /> : null}
      <RecommendationList recommendations={recommendations} />
    </>
  );
}

/** A finished turn: reply, cards, then the endpoint note and status line (or why it stopped). */
export function FinishedTurn({ entry }: { entry: TurnEntry }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Body reply={entry.reply} recommendations={entry.recommendations} />
      {entry.outcome === 'cancelled' ? <Text color="yellow">(cancelled)</Text> : null}
      {entry.note || entry.status ? (
        <Box flexDirection="column" marginTop={entry.recommendations.length > 0 ? 1 : 0}>
          {entry.note ? (
            <WrappedText color={entry.outcome === 'failed' ? 'red' : 'yellow'}>{entry.note}</WrappedText>
          ) : null}
          {entry.status ? <WrappedText dimColor>{entry.status}</WrappedText> : null}
        </Box>
      ) : null}
    </Box>
  );
}

/** The running turn: the reply as it streams, cards once they arrive. */
export function LiveTurnView({ live }: { live: LiveTurn }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Reply text={live.reply} placeholder="thinking…" />
      <RecommendationList recommendations={live.recommendations} />
      <Text dimColor>Ctrl-C cancels this turn</Text>
    </Box>
  );
}
