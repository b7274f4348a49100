import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** The terminal's width, following resizes (80 when the output is not a terminal). */
export function useColumns(): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(stdout.columns || 80);
  useEffect(() => {
    const update = () => setColumns(stdout.columns || 80);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return columns;
}
