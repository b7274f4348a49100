/**
 * Reads a response body as text, stopping as soon as it passes `maxChars` (the reader is cancelled,
 * so a server sending without end costs no more than that). Returns undefined when it passed.
 */
export async function readBoundedBody(response: Response, maxChars: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (text.length > maxChars) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
  }
}
