import { Text, Transform, type TextProps } from 'ink';

// ink wraps with wrap-ansi's `trim: false`: a line that breaks at a space starts with that space.
// eslint-disable-next-line no-control-regex
const leadingSpace = /^((?:\u001b\[[\d;]*m)*) /;

/** ink's <Text>, minus the stray space ink leaves at the start of a wrapped line. */
export function WrappedText(props: TextProps) {
  return (
    <Transform transform={(line, index) => (index === 0 ? line : line.replace(leadingSpace, '$1'))}>
      <Text {...props} />
    </Transform>
  );
}
