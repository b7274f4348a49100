import { Box, Text } from 'ink';
import { WrappedText } from './WrappedText.js';
import type { Recommendation } from '../../agent/index.js';
import { cardText } from './chat-text.js';

/** One numbered card: title and year, genres and director, the one-sentence reason. Wraps at any width. */
export function RecommendationCard({
  recommendation,
  position,
}: {
  recommendation: Recommendation;
  position: number;
}) {
  const card = cardText(recommendation);
  return (
    <Box>
      <Box width={4} flexShrink={0} justifyContent="flex-end" marginRight={1}>
        <Text color="cyan" bold>{`${position}.`}</Text>
      </Box>
      <Box flexDirection="column" flexShrink={1}>
        <WrappedText bold>{card.title}</WrappedText>
        {card.attributes ? <WrappedText dimColor>{card.attributes}</WrappedText> : null}
        <WrappedText>{card.reason}</WrappedText>
      </Box>
    </Box>
  );
}

/** The cards of one turn, a blank line between them. */
export function RecommendationList({ recommendations }: { recommendations: Recommendation[] }) {
  if (recommendations.length === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1} gap={1}>
      {recommendations.map((recommendation, index) => (
        <RecommendationCard
          key={recommendation.item.id}
          recommendation={recommendation}
          position={index + 1}
        />
      ))}
    </Box>
  );
}
