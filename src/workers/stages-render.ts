// The stages up to the MJML compile: read, assemble, render. Loaded on first use by build.ts, like
// stages-finish.ts, which loads while the first edition compiles (in the MJML thread of a small build).
export { readEdition } from '../content/discover.js';
export { assembleEdition } from '../edition/assemble.js';
export { trackEdition } from '../links/track-edition.js';
export { resolveEditionAssets } from '../assets/edition-assets.js';
export { renderEdition, renderEditionHtml } from '../render/render-edition.js';
