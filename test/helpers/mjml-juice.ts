// What mjml2html does with the HTML of its skeleton and the CSS of its inline mj-styles: MJML's own juice,
// loaded the plain way (not through newsletter's lean loading), then its Outlook-conditional merge. The
// fast inline-CSS tests compare against it.
import { createRequire } from 'node:module';

const fromCore = createRequire(
  createRequire(createRequire(import.meta.url).resolve('mjml')).resolve('mjml-core'),
);
const juice = fromCore('juice') as (html: string, options: object) => string;
const merge = fromCore('./helpers/mergeOutlookConditionnals') as (html: string) => string;

export const mjmlWay = (html: string, css: string): string =>
  merge(
    juice(html, {
      applyStyleTags: false,
      extraCss: css,
      insertPreservedExtraCss: false,
      removeStyleTags: false,
    }),
  );
