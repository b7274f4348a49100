/**
 * The terminal chat. Everything here is free of React; the ink chat (`runInkChat`, `ChatApp`) is
 * imported from `./run-ink-chat.js` when a terminal is attached, so piped chats never load ink.
 */
export { chatHeader } from './chat-header.js';
export { parseCommand, type ChatCommand } from './chat-commands.js';
export { ChatController, type ChatControllerOptions } from './chat-controller.js';
export {
  chatReducer,
  initialChatState,
  type ChatAction,
  type ChatState,
  type HistoryEntry,
  type LiveTurn,
} from './chat-state.js';
export { cardText, endpointNote, helpText, statusLine } from './chat-text.js';
export { runLineChat, type LineChatOptions } from './line-chat.js';
