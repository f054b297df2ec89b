// The pipeline's stages in one module, so that build.ts can load them on first use: the main thread of a
// build that skips every edition, or hands them all to worker threads, never loads the Markdown, HTML,
// template and mail libraries (nor MJML, which render/mjml.ts loads on its own first use).
export { readEdition } from '../content/discover.js';
export { assembleEdition } from '../edition/assemble.js';
export { trackEdition } from '../links/track-edition.js';
export { renderEdition } from '../render/render-edition.js';
export { builtEdition, sourceTexts } from '../checks/built-edition.js';
export { CHEAP_RULES, runRules } from '../checks/index.js';
export { editionOutput } from '../output/edition-output.js';
export { writeAllAtomic } from '../output/write.js';
