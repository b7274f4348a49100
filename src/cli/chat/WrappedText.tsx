import { Box, Text, Transform, type TextProps } from 'ink';
import { displayText } from '../../untrusted/index.js';

// ink wraps with wrap-ansi's `trim: false`: a line that breaks at a space starts with that space.
// eslint-disable-next-line no-control-regex
const leadingSpace = /^((?:\u001b\[[\d;]*m)*) /;

/**
 * ink's <Text>, minus the stray space ink leaves at the start of a wrapped line. Text with line
 * breaks is drawn line by line, so its own indentation stays. A string child is made safe to print
 * (`displayText`); mixed children are the caller's to clean.
 */
export function WrappedText(props: TextProps) {
  const children = typeof props.children === 'string' ? displayText(props.children) : props.children;
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
      <Text {...props}>{children}</Text>
    </Transform>
  );
}
