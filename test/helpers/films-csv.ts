/** A small CSV film catalog written for the CLI tests (ten films; ids c1–c11). */
const header = 'id,title,year,genres,director,description';
const untitled = 'c4,,2010,comedy,Dee Park,This row has no title and must be skipped.';
const rows = [
  'c1,Deep Orbit,2015,sci-fi|thriller,Ana Lopez,Astronauts stranded on a broken space station fight to get home.',
  'c2,Harbor Lights,1999,romance|drama,Ben Cole,Two strangers fall in love in a small fishing town.',
  'c3,The Vault Job,2004,crime|thriller,Ana Lopez,A crew of thieves plans one last bank heist.',
  'c5,Laugh Track,2012,comedy,Dee Park,A sitcom writer loses his sense of humour before the big premiere.',
  'c6,Red Planet Run,2020,sci-fi|adventure,Ana Lopez,Explorers race across Mars before their oxygen runs out.',
  'c7,Quiet Hours,1987,drama,Eve Marsh,A night nurse keeps a hospital ward calm through a storm.',
  'c8,Second Heist,2008,crime|comedy,Ben Cole,Two clumsy robbers try to rob the same bank on the same day.',
  'c9,Paper Moons,1994,romance|comedy,Eve Marsh,A letter writer falls for the person she writes letters for.',
  'c10,Glass River,2016,drama|mystery,Dee Park,A detective returns to her hometown to solve an old disappearance.',
  'c11,Cold Stars,2011,sci-fi|drama,Eve Marsh,A lonely astronaut talks to the voices on an old radio.',
];

/** The catalog's text; `untitledRow` adds a row without a title as line 5, which loading skips. */
export function filmsCsv(options: { untitledRow?: boolean } = {}): string {
  const lines = [header, ...rows.slice(0, 3), ...(options.untitledRow ? [untitled] : []), ...rows.slice(3)];
  return `${lines.join('\n')}\n`;
}
