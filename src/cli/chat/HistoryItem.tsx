import { Box, Text } from 'ink';
import { WrappedText } from './WrappedText.js';
import type { HeaderEntry, HistoryEntry, Tone } from './chat-state.js';
import { FinishedTurn } from './TurnView.js';
import { displayText } from '../../untrusted/index.js';

const toneColors: Record<Tone, string | undefined> = { info: undefined, warning: 'yellow', error: 'red' };

function Header({ entry }: { entry: HeaderEntry }) {
  const width = Math.max(...entry.details.map((detail) => detail.label.length)) + 2;
  return (
    <Box flexDirection="column">
      <Text bold>{displayText(entry.title, { singleLine: true })}</Text>
      {entry.details.map((detail) => (
        <Box key={detail.label}>
          <Box width={width} flexShrink={0}>
            <Text dimColor>{displayText(detail.label, { singleLine: true })}</Text>
          </Box>
          <Box flexShrink={1}>
            <WrappedText>{detail.value}</WrappedText>
          </Box>
        </Box>
      ))}
      <WrappedText dimColor>
        Say what you feel like watching. /help lists the commands; Ctrl-C quits.
      </WrappedText>
    </Box>
  );
}

/** One finished piece of the conversation; rendered once, inside <Static>. */
export function HistoryItem({ entry }: { entry: HistoryEntry }) {
  switch (entry.kind) {
    case 'header':
      return <Header entry={entry} />;
    case 'user':
      return (
        <Box marginTop={1}>
          <WrappedText>
            <Text color="cyan" bold>
              you ›{' '}
            </Text>
            {displayText(entry.text)}
          </WrappedText>
        </Box>
      );
    case 'turn':
      return <FinishedTurn entry={entry} />;
    case 'notice': {
      const color = toneColors[entry.tone];
      return <WrappedText {...(color ? { color } : {})}>{entry.text}</WrappedText>;
    }
  }
}
