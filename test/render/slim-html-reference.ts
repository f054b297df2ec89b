// The reference definition of slimHtml: each stretch between the kept parts rewritten by regular expressions
// over the whole of it, one rule after the other (slimWhole), as slimHtml did before it walked the page once
// with each tag's rewrites remembered. The oracle the differential tests (slim-html-differential.test.ts)
// hold the walk to; the rules themselves are tested in slim-html.test.ts and by the golden files.
import { slimPage } from '../../src/render/slim-html.js';
import { slimWhole } from '../../src/render/slim-walk.js';

export const referenceSlimHtml = (html: string): string => slimPage(html, slimWhole);
