/**
 * The keys of a JSON object's top level, in order, including repeats (which `JSON.parse` silently
 * collapses). Expects text that already parsed as an object.
 */
export function topLevelKeys(text: string): { key: string; line: number }[] {
  const keys: { key: string; line: number }[] = [];
  let depth = 0;
  let line = 1;
  let expectKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') line++;
    else if (char === '{' || char === '[') {
      depth++;
      if (depth === 1 && char === '{') expectKey = true;
    } else if (char === '}' || char === ']') depth--;
    else if (char === ',' && depth === 1) expectKey = true;
    else if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        keys.push({ key: JSON.parse(text.slice(index, end + 1)) as string, line });
        expectKey = false;
      }
      for (let cursor = index; cursor < end; cursor++) if (text[cursor] === '\n') line++;
      index = end;
    }
  }
  return keys;
}
