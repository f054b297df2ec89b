// The reference path: newsletter's output made the plain way, each step by the library that owns it, with
// nothing kept from one edition to the next. render-path.ts chooses it when NEWSLETTER_RENDER=reference.
//
//   Handlebars -> MJML text (render-edition.ts, on either path)
//   -> the whole document through mjml2html, which renders it and inlines the <mj-style inline="inline">
//      CSS with its own juice (referenceHtml)
//   -> slimHtml (slim-html.ts, on either path)
//   .eml: nodemailer's MailComposer (output/eml.ts, on either path), written by its own build()
//      (referenceMessage)
//
// The fast path (fast/) must give these bytes exactly: test/e2e/render-paths.test.ts builds the fixture
// projects both ways and compares every file.
import { createRequire } from 'node:module';
import type MimeNode from 'nodemailer/lib/mime-node';
import { MJML_OPTIONS, type Mjml2Html, type MjmlResult } from './mjml-options.js';

const require = createRequire(import.meta.url);

/** MJML as it ships, loaded on first use (a third of a second). CommonJS: its exports are the function. */
export const referenceMjml = (): Mjml2Html => require('mjml') as Mjml2Html;

/** The whole document through mjml2html: its HTML, or its errors. */
export const referenceHtml = (source: string): Promise<MjmlResult> => referenceMjml()(source, MJML_OPTIONS);

/** The message as nodemailer writes it: MimeNode.build(), through its streams. */
export const referenceMessage = (node: MimeNode): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    node.build((error, message) => (error ? reject(error) : resolve(message))),
  );
