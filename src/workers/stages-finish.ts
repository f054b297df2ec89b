// The stages after the MJML compile: the plain text when the render half left it, check and write (see
// stages-render.ts).
export { renderEditionText } from '../render/render-edition.js';
export { builtEdition, sourceTexts } from '../checks/built-edition.js';
export { CHEAP_RULES, runRules } from '../checks/index.js';
export { editionOutput } from '../output/edition-output.js';
export { swapEdition } from '../output/swap.js';
