/** Auxiliaries that open a yes/no question: "have you seen…", "is it…", "could you…". */
export const questionAuxiliaries: ReadonlySet<string> = new Set([
  'have',
  'has',
  'did',
  'do',
  'does',
  'is',
  'was',
  'are',
  'were',
  'would',
  'will',
  'can',
  'could',
]);
