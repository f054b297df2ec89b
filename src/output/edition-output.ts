// Everything `build` writes for one edition, as data: the public files in out/<slug>/ and, in
// out/.newsletter/editions/<slug>.json, the edition with recipient fields still as tokens for `send` and `export`.
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edition } from '../edition/types.js';
import { fillTokens, type RecipientValues } from '../render/tokens.js';
import { fillUrl } from '../render/unsubscribe-url.js';
import type { RenderedEdition } from '../render/render-edition.js';
import { composeEml, type MessageInput } from './eml.js';

import { PRIVATE_DIR } from './private-dir.js';
import { messageDate } from './message-date.js';
import { assetRecord, type AssetRecord } from '../assets/asset.js';
import { inlineImages } from '../assets/inline-images.js';

/** What send and export need to make messages from a built edition without rendering again. */
export interface StoredEdition {
  slug: string;
  subject: string;
  preheader?: string;
  date?: string;
  message: Omit<MessageInput, 'html' | 'text' | 'date' | 'to' | 'unsubscribeUrl' | 'oneClick'> & {
    date: string;
  };
  defaults: RecipientValues;
  /** The local images published beside index.html (send embeds them, export bundles them). */
  assets?: AssetRecord[];
  /** The configured unsubscribe URL with its recipient fields unfilled, for send to fill per recipient. */
  unsubscribeTemplate?: string;
}

/** The private file of an edition: its metadata, and its HTML and text with recipient fields still tokens. */
export interface KeptEdition extends StoredEdition {
  html: string;
  text: string;
  /** The MJML that Handlebars produced, for a look when the HTML surprises (and for the benchmark's baseline). */
  mjml: string;
}

/** One file, not a folder of four: creating files is most of what writing costs on some disks. */
export const keptEditionFile = (outDir: string, slug: string): string =>
  join(outDir, PRIVATE_DIR, 'editions', `${slug}.json`);

export interface Manifest {
  slug: string;
  subject: string;
  preheader: string | null;
  date: string | null;
  /** The edition's language, where edition.md gives one other than the config's (the archive and feed say so). */
  language?: string;
  sources: string[];
  files: Record<string, { bytes: number }>;
  diagnostics: Diagnostic[];
  /** Each local image: the file it came from and the name it is published under. */
  assets?: { source: string; name: string }[];
}

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
  /** Named after a hash of its bytes (an image): a file already at `path` holds them, and is left alone. */
  contentAddressed?: boolean;
}

export function recipientDefaults(config: Config, slug: string): RecipientValues {
  return {
    first_name: '',
    email: '',
    // fields left empty: the published page and build's message.eml belong to nobody in particular
    unsubscribe_url: fillUrl(config.unsubscribeUrl, {}),
    preferences_url: config.preferencesUrl,
    // the slug as one path segment, as the archive and the feed link it (`a&b#c?d` is a slug a file can have)
    web_version_url: `${config.url.replace(/\/+$/, '')}/${encodeURIComponent(slug)}/`,
    postal_address: config.postalAddress,
  };
}

/** The edition's message headers from the config; shared with `check`, which composes the same .eml in memory. */
export function messageHeaders(edition: Pick<Edition, 'subject' | 'language'>, config: Config) {
  return {
    from: config.from,
    ...(config.replyTo ? { replyTo: config.replyTo } : {}),
    subject: edition.subject,
    language: edition.language ?? config.language,
    listId: config.listId,
    ...(config.unsubscribeMailto ? { unsubscribeMailto: config.unsubscribeMailto } : {}),
  };
}

export async function editionOutput(
  outDir: string,
  edition: Edition,
  config: Config,
  rendered: RenderedEdition,
  diagnostics: Diagnostic[],
  /** The filled page and the composed message, when the caller has made them already (build, for its checks). */
  made?: { html: string; text: string; eml: string },
): Promise<OutputFile[]> {
  const defaults = recipientDefaults(config, edition.slug);
  const assets = edition.assets ?? [];
  const html = made?.html ?? fillTokens(rendered.html, defaults, 'html');
  const text = made?.text ?? fillTokens(rendered.text, defaults, 'text');
  const date = messageDate(edition);
  const message = messageHeaders(edition, config);
  // composing the .eml costs more than the rest of this function together: never twice for one edition
  const eml =
    made?.eml ??
    (await composeEml({
      ...message,
      date,
      html,
      text,
      unsubscribeUrl: defaults.unsubscribe_url!,
      ...(config.embedImages && assets.length ? { inline: inlineImages(assets) } : {}),
      oneClick: false, // addressed to nobody: a POST to its URL could not say who leaves
    }));

  const publicDir = join(outDir, edition.slug);
  const files: Record<string, string | Uint8Array> = {
    'index.html': html,
    'index.txt': text,
    'message.eml': eml,
    ...Object.fromEntries(assets.map((a) => [a.name, a.bytes])),
  };
  const manifest: Manifest = {
    slug: edition.slug,
    subject: edition.subject,
    preheader: edition.preheader ?? null,
    date: edition.date ?? null,
    ...(edition.language && edition.language !== config.language ? { language: edition.language } : {}),
    sources: edition.sources,
    files: Object.fromEntries(
      Object.entries(files).map(([name, data]) => [name, { bytes: Buffer.byteLength(data) }]),
    ),
    diagnostics,
    ...(assets.length ? { assets: assets.map(({ source, name }) => ({ source, name })) } : {}),
  };
  const stored: StoredEdition = {
    slug: edition.slug,
    subject: edition.subject,
    ...(edition.preheader ? { preheader: edition.preheader } : {}),
    ...(edition.date ? { date: edition.date } : {}),
    message: { ...message, date: date.toISOString() },
    defaults,
    ...(assets.length ? { assets: assets.map(assetRecord) } : {}),
    unsubscribeTemplate: config.unsubscribeUrl,
  };
  const kept: KeptEdition = { ...stored, html: rendered.html, text: rendered.text, mjml: rendered.mjml };
  return [
    ...Object.entries(files).map(([name, data]) => ({
      path: join(publicDir, name),
      data,
      ...(assets.some((a) => a.name === name) ? { contentAddressed: true } : {}),
    })),
    { path: join(publicDir, 'manifest.json'), data: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: keptEditionFile(outDir, edition.slug), data: `${JSON.stringify(kept, null, 2)}\n` },
  ];
}
