/** One message of a conversation. */
export interface DialogueMessage {
  role: 'user' | 'assistant';
  text: string;
}
