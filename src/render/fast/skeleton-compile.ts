// An edition's HTML by way of its skeleton (see skeleton.ts): split (from the text alone once a document with
// the same text has been parsed, see skeleton-text.ts), find the compiled skeleton
// (in memory, on disk, or compile it now), fill its holes, inline the CSS. Runs in whichever thread
// compiles: the main thread, a build worker, or the MJML thread of a small build (render/fast/mjml-thread.ts).
import { fillHoles, holeInConditional, splitSkeleton, type Skeleton } from './skeleton.js';
import { textSkeleton } from './skeleton-text.js';
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
  const skeleton = findSkeleton(source);
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

/**
 * The document's skeleton: from its text alone (skeleton-text.ts) when a document with the same text around
 * its holes was parsed before in this thread and gave the same holes; else from MJML's parse, which then
 * teaches the table that text.
 */
function findSkeleton(source: string): Skeleton | undefined {
  const text = textSkeleton(source);
  const known = text && learned.get(text.text);
  if (known) {
    textCounts.text++;
    return { ...known, values: text.values };
  }
  let tree: MjmlNode;
  try {
    tree = parseMjml(source);
  } catch {
    return undefined;
  }
  textCounts.parsed++;
  const skeleton = splitSkeleton(tree, source, (salt ??= `${mjmlVersion()} ${JSON.stringify(MJML_OPTIONS)}`));
  if (skeleton && text && sameValues(text.values, skeleton.values)) {
    learned.set(text.text, { ...skeleton, values: [] });
    if (learned.size > LEARNED) learned.delete(learned.keys().next().value!);
  }
  return skeleton;
}

/** Skeletons by the text around their holes, each confirmed by one parse. As many as the compiled skeletons
 * kept in memory (skeleton-store.ts): a project has a few layouts. */
const learned = new Map<string, Skeleton>();
const LEARNED = 64;

/** How many documents were split from their text, and how many parsed: for the benchmark's stage figures. */
export const textCounts = { text: 0, parsed: 0 };

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);
