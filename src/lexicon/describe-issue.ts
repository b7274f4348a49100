/**
 * A zod issue as `field "a.b" message` for an error naming a file; an unknown key is named as the
 * field. `prefix` is where the validated value sits inside its file ("lexicon").
 */
export function describeIssue(
  issue: { path: PropertyKey[]; message: string; code?: string; keys?: string[] } | undefined,
  prefix: string[] = [],
): string {
  const path = [...prefix, ...(issue?.path.map(String) ?? [])];
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
  if (unknown !== undefined) return `field "${[...path, unknown].join('.')}" is not a known field`;
  return `field "${path.join('.') || '(root)'}" ${issue?.message ?? 'is invalid'}`;
}
