/** The outcome of reading JSON text: the parsed value, or why it could not be read. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Parses JSON text without throwing. The only JSON.parse of the library: callers validate `value`
 * with zod before trusting it.
 */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
