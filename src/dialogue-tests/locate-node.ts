import { isCollection, isMap, isNode, type Document, type LineCounter, type YAMLMap } from 'yaml';

type Path = readonly PropertyKey[];

/** Where a field of a script is: its 1-based line and the path as far as it exists in the source. */
export interface NodeLocation {
  line?: number;
  path: PropertyKey[];
}

/**
 * The line of the node at `path` in a parsed YAML/JSON document. A missing field falls back to its
 * parent's line; a path into a scalar (`include: Heat` read as a list) is cut at the scalar. With
 * `key`, the line of that key in the map at `path` (for an unknown key). Map fields are located at
 * their key.
 */
export function locateNode(
  document: Document,
  lineCounter: LineCounter,
  path: Path,
  key?: string,
): NodeLocation {
  // A field of a map is reported at its key ("model:"), not where its value starts.
  const parent =
    key === undefined && path.length > 0 ? document.getIn(path.slice(0, -1) as unknown[], true) : undefined;
  const fieldOffset = isMap(parent) ? keyOffset(parent, String(path.at(-1))) : undefined;
  if (fieldOffset !== undefined) return { line: lineCounter.linePos(fieldOffset).line, path: [...path] };
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true);
    if (!isNode(node)) continue;
    let offset = node.range?.[0];
    if (key !== undefined && length === path.length && isMap(node)) offset = keyOffset(node, key) ?? offset;
    const kept = isCollection(node) ? [...path] : path.slice(0, length);
    return {
      ...(offset !== undefined ? { line: lineCounter.linePos(offset).line } : {}),
      path: key !== undefined && kept.length === path.length ? [...kept, key] : kept,
    };
  }
  return { path: [...path] };
}

function keyOffset(map: YAMLMap, key: string): number | undefined {
  const pair = map.items.find((item) => isNode(item.key) && String(item.key.toJSON()) === key);
  return pair && isNode(pair.key) ? pair.key.range?.[0] : undefined;
}
