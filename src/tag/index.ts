// The tagging stage's public surface.
export { createAnalyzer, createSnowballAnalyzer, guessLang, tokenize, voikkoAvailable, type Analyzer } from './analyze.js';
export { assessJoint } from './joint.js';
export { inferKind } from './kind.js';
export { KEYWORD_ALERT, keywordAlert } from './keyword-alert.js';
export { learnWeights, type LearnOptions } from './learn.js';
export { createTagger, createTaggerCore, type Tagger, type TaggerOptions } from './tagger.js';
export { GOAL_IDS, loadTaxonomy, parseTaxonomy, shippedTaxonomyPath } from './taxonomy.js';
export type * from './types.js';
