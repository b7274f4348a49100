import { Box, Static, Text, useApp, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { Recommender } from '../../agent/index.js';
import { ChatController } from './chat-controller.js';
import { chatReducer, initialChatState, type Activity, type HeaderEntry } from './chat-state.js';
import { HistoryItem } from './HistoryItem.js';
import { LiveTurnView } from './TurnView.js';
import { useColumns } from './use-columns.js';

export interface ChatAppProps {
  recommender: Recommender;
  userId: string;
  header: Omit<HeaderEntry, 'kind' | 'id'>;
  /** Error lines carry stack traces. */
  debug?: boolean;
  /** An offline recommender over the same retriever and profile store, for /offline. */
  goOffline?: () => Promise<Recommender>;
}

const waiting: Partial<Record<Activity, string>> = {
  command: '…',
  quitting: 'Saving your profile… (Ctrl-C skips)',
  closed: 'Bye.',
};

/** The interactive chat: finished turns in <Static>, the live turn and the prompt below. */
export function ChatApp({ recommender, userId, header, debug, goOffline }: ChatAppProps) {
  const [state, dispatch] = useReducer(chatReducer, header, initialChatState);
  const { exit } = useApp();
  const [controller] = useState(
    () =>
      new ChatController({
        recommender,
        userId,
        dispatch,
        // ink exits once the goodbye has been drawn (the effect below).
        onExit: () => {},
        ...(debug ? { debug } : {}),
        ...(goOffline ? { goOffline } : {}),
      }),
  );
  const [input, setInput] = useState('');
  // What is typed, as of the last keystroke: ink-text-input may submit the value of its previous
  // render when Enter arrives in the same chunk or right after the text (a paste, a fast typist).
  const typed = useRef('');
  const change = (value: string) => {
    typed.current = value;
    setInput(value);
  };
  const send = (line: string) => {
    change('');
    void controller.submit(line);
  };
  const columns = useColumns();
  useEffect(() => () => controller.dispose(), [controller]);
  useEffect(() => {
    if (state.activity === 'closed') exit();
  }, [state.activity, exit]);
  useInput((text, key) => {
    if (key.ctrl && text === 'c') controller.interrupt();
    // Ctrl-D on an empty prompt leaves, as in a shell.
    if (key.ctrl && text === 'd' && typed.current === '' && state.activity === 'idle') void controller.quit();
  });
  // The prompt stays up while a turn runs, so what is typed meanwhile is kept; Enter sends it once
  // the turn has ended.
  const typing =
    state.activity === 'idle' || state.activity === 'confirm-forget' || state.activity === 'turn';
  return (
    <>
      {/* Static output is laid out outside the root box: without a width its text would not wrap. */}
      <Static items={state.history} style={{ width: columns }}>
        {(entry) => <HistoryItem key={entry.id} entry={entry} />}
      </Static>
      {state.live ? <LiveTurnView live={state.live} /> : null}
      {typing ? (
        <Box marginTop={1}>
          <Text color="cyan" bold>
            {state.activity === 'confirm-forget' ? 'yes/no › ' : 'you › '}
          </Text>
          <TextInput
            value={input}
            onChange={(value) => {
              // A pasted line arrives with its newline as text: send it as if Enter had been pressed.
              const [line = '', ...rest] = value.split(/\r\n|\r|\n/);
              if (rest.length === 0 || state.activity === 'turn')
                return change(rest.length === 0 ? value : line);
              send(line);
              change(rest.join(' ').trimStart());
            }}
            onSubmit={() => {
              if (state.activity !== 'turn') send(typed.current);
            }}
          />
        </Box>
      ) : waiting[state.activity] ? (
        <Box marginTop={state.activity === 'command' ? 0 : 1}>
          <Text dimColor>{waiting[state.activity]}</Text>
        </Box>
      ) : null}
    </>
  );
}
