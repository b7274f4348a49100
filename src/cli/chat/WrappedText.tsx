import { Box, Text, Transform, type TextProps } from 'ink';

// ink wraps with wrap-ansi's `trim: false`: a line that breaks at a space starts with that space.
// eslint-disable-next-line no-control-regex
const leadingSpace = /^((?:\u001b\[[\d;]*m)*) /;

/**
 * ink's <Text>, minus the stray space ink leaves at the start of a wrapped line. Text with line
 * breaks is drawn line by line, so its own indentation stays.
 */
export function WrappedText(props: TextProps) {
  const { children } = props;
  if (typeof children === 'string' && children.includes('\n')) {
    return (
      <Box flexDirection="column">
        {children.split('\n').map((line, index) => (
          <WrappedText key={index} {...props}>
            {line || ' '}
          </WrappedText>
        ))}
      </Box>
    );
  }
  return (
    <Transform transform={(line, index) => (index === 0 ? line : line.replace(leadingSpace, '$1'))}>
      <Text {...props} />
    </Transform>
  );
}
