/** The catalog as a knowledge graph (items linked through people, genres, decades) and walks over it. */
export {
  buildCatalogGraph,
  defaultGraphRelationWeights,
  type CatalogGraph,
  type GraphRelationWeights,
} from './catalog-graph.js';
export { personalizedPageRank, defaultWalkOptions, type WalkOptions } from './personalized-pagerank.js';
