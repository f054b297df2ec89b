// An edition's HTML by way of its skeleton (see skeleton.ts): parse, split, find the compiled skeleton
// (in memory, on disk, or compile it now), fill its holes, inline the CSS. Runs in whichever thread
// compiles: the main thread, a build worker, or the MJML thread of a small build (render/fast/mjml-thread.ts).
import { fillHoles, holeInConditional, splitSkeleton } from './skeleton.js';
import { inlineCssInHoles, mjmlVersion, parseMjml } from './mjml-parts.js';
import { storedSkeleton, storeSkeleton } from './skeleton-store.js';
import { MJML_OPTIONS, type Mjml2Html, type MjmlNode, type SkeletonFolder } from '../mjml-options.js';

/** What a compiled skeleton depends on besides its own tree: the same for every edition of a thread. */
let salt: string | undefined;

/** The HTML, or undefined when the document has to be compiled whole (it cannot be split, has errors, or has
 * text inside an Outlook conditional block). */
export async function compileAsSkeleton(
  source: string,
  skeletons: SkeletonFolder | undefined,
  compiler: () => Promise<Mjml2Html>,
): Promise<string | undefined> {
  let tree: MjmlNode;
  try {
    tree = parseMjml(source);
  } catch {
    return undefined;
  }
  const skeleton = splitSkeleton(tree, source, (salt ??= `${mjmlVersion()} ${JSON.stringify(MJML_OPTIONS)}`));
  if (!skeleton) return undefined;
  let html = storedSkeleton(skeleton.key, skeletons);
  if (html === undefined) {
    const compiled = await (await compiler())(skeleton.tree, MJML_OPTIONS).catch(() => undefined);
    if (!compiled || compiled.errors.length > 0) return undefined;
    html = compiled.html;
    storeSkeleton(skeleton.key, html, skeletons);
  }
  if (holeInConditional(html)) return undefined;
  return skeleton.cssToInline === undefined
    ? fillHoles(html, skeleton.values)
    : inlineCssInHoles(html, skeleton.values, skeleton.cssToInline);
}
