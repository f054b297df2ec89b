// What the rules look at, made once per edition: the page as a reader gets it (recipient fields filled with
// the config's defaults), the same .eml that build writes (composed in memory), what the cheap rules ask of
// the HTML (one streaming pass), the HTML as a tree when a check-only rule first asks, and the source texts
// for pointing at lines.
import type { Config } from '../config/config.js';
import type { EditionSource } from '../content/discover.js';
import { decodeUtf8 } from '../content/text.js';
import type { Edition } from '../edition/types.js';
import { composeEml } from '../output/eml.js';
import { inlineImages } from '../assets/inline-images.js';
import { messageHeaders, recipientDefaults } from '../output/edition-output.js';
import { messageDate } from '../output/message-date.js';
import type { Project } from '../project.js';
import { fillTokens } from '../render/tokens.js';
import { parseHtml, type HtmlDocument } from './html.js';
import { scanPage } from './page.js';
import type { BuiltEdition, SourceText } from './rule.js';

export interface BuiltParts {
  edition: Edition;
  config: Config;
  mjml: string;
  /** HTML and text as rendered: recipient fields may still be tokens. */
  html: string;
  text: string;
  sources: SourceText[];
}

export async function builtEdition(parts: BuiltParts): Promise<BuiltEdition> {
  const { edition, config } = parts;
  const defaults = recipientDefaults(config, edition.slug);
  const html = fillTokens(parts.html, defaults, 'html');
  const text = fillTokens(parts.text, defaults, 'text');
  const message = {
    ...messageHeaders(edition, config),
    date: messageDate(edition),
    html,
    text,
    unsubscribeUrl: defaults.unsubscribe_url!,
    ...(config.embedImages && edition.assets?.length ? { inline: inlineImages(edition.assets) } : {}),
    oneClick: false, // as build writes message.eml
  };
  const eml = (await composeEml(message)).toString('utf8');
  let dom: HtmlDocument | undefined;
  return {
    edition,
    config,
    mjml: parts.mjml,
    html,
    text,
    tokens: { html: parts.html, text: parts.text },
    message,
    eml,
    sources: parts.sources,
    page: scanPage(html),
    get dom() {
      return (dom ??= parseHtml(html));
    },
  };
}

/** Content files first (a finding is usually the writer's), then templates, then the config file. */
export function sourceTexts(
  source: EditionSource,
  project: Pick<Project, 'templates' | 'configFile' | 'configSource'>,
): SourceText[] {
  const content = [source.editionFile, ...source.articles]
    .filter((f) => f !== undefined)
    .map((f) => {
      const decoded = decodeUtf8(f.bytes);
      return { file: f.file, text: 'text' in decoded ? decoded.text : '' };
    });
  const templates = [...project.templates.partials, ...project.templates.layouts].map((t) => ({
    file: t.file,
    text: t.source,
  }));
  return [
    ...content,
    ...templates,
    ...(project.configSource ? [{ file: project.configFile, text: project.configSource }] : []),
  ];
}
