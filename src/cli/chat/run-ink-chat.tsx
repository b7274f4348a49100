import { render } from 'ink';
import { ChatApp, type ChatAppProps } from './ChatApp.js';

/** Mounts the ink chat on the terminal and resolves once the user has quit. */
export async function runInkChat(props: ChatAppProps): Promise<void> {
  const instance = render(<ChatApp {...props} />, { exitOnCtrlC: false });
  await instance.waitUntilExit();
}
