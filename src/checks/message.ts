// The message around the content: a subject that fits (clients cut long ones, RFC 5322 advises 78
// characters), header values without line breaks (header injection), a preheader that adds something
// instead of repeating what the reader sees first, every header a list message needs, and one-click
// List-Unsubscribe (RFC 8058), which Gmail and Yahoo require of bulk senders.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { identifiesRecipient } from '../render/unsubscribe-url.js';
import { collapse } from './html.js';
import { layoutFile, locate } from './locate.js';
import type { BuiltEdition, Rule } from './rule.js';
import { identityGaps } from './identity-gaps.js';

export const SUBJECT_MAX_CHARACTERS = 78;
/** What an inbox shows of a preheader beside the subject: shorter wastes the line, longer is cut. */
export const PREHEADER_MIN_CHARACTERS = 40;
export const PREHEADER_MAX_CHARACTERS = 140;
export const REQUIRED_HEADERS = [
  'From',
  'To',
  'Subject',
  'Date',
  'Message-ID',
  'MIME-Version',
  'Content-Type',
  'List-Unsubscribe',
];

export const messageRule: Rule = (built) => [
  ...subject(built),
  ...lineBreaks(built),
  ...preheader(built),
  ...headers(built),
];

const editionFile = (built: BuiltEdition) => built.edition.sources[0];

function subject(built: BuiltEdition): Diagnostic[] {
  const text = built.edition.subject.trim();
  const where = locate(built, ['subject:', built.edition.articles[0]?.title], editionFile(built));
  if (!text)
    return [
      diag(
        'SUBJECT_MISSING',
        'error',
        'the edition has no subject',
        where,
        'set subject: in edition.md, or give the article a title',
      ),
    ];
  const length = [...text].length;
  if (length <= SUBJECT_MAX_CHARACTERS) return [];
  return [
    diag(
      'SUBJECT_TOO_LONG',
      'warning',
      `the subject is ${length} characters (at most ${SUBJECT_MAX_CHARACTERS})`,
      locate(built, text, editionFile(built)),
      'inboxes cut long subjects; put the point first',
    ),
  ];
}

function lineBreaks(built: BuiltEdition): Diagnostic[] {
  const {
    from,
    replyTo,
    subject: subjectLine,
    listId,
    unsubscribeUrl,
    unsubscribeMailto,
    language,
  } = built.message;
  const values = {
    From: from,
    'Reply-To': replyTo,
    Subject: subjectLine,
    'List-Id': listId,
    'List-Unsubscribe': unsubscribeUrl ?? unsubscribeMailto,
    'Content-Language': language,
  };
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && /[\r\n]/.test(value))
    .map(([name, value]) =>
      diag(
        'HEADER_LINE_BREAK',
        'error',
        `the ${name} header value contains a line break`,
        locate(built, value!.split(/[\r\n]/)[0], editionFile(built)),
        'header values must be one line',
      ),
    );
}

function preheader(built: BuiltEdition): Diagnostic[] {
  const text = built.edition.preheader?.trim();
  if (!text) {
    return [
      diag(
        'PREHEADER_MISSING',
        'warning',
        'the edition has no preheader: inboxes will show the first words of the body instead',
        { file: editionFile(built) },
        'set preheader: in edition.md (or a dek in a one-article edition)',
      ),
    ];
  }
  const length = [...text].length;
  const sized: Diagnostic[] =
    length >= PREHEADER_MIN_CHARACTERS && length <= PREHEADER_MAX_CHARACTERS
      ? []
      : [
          diag(
            'PREHEADER_LENGTH',
            'warning',
            `the preheader is ${length} characters (${PREHEADER_MIN_CHARACTERS} to ${PREHEADER_MAX_CHARACTERS} read well)`,
            locate(built, text, editionFile(built)),
            length < PREHEADER_MIN_CHARACTERS
              ? 'a short preheader leaves the inbox line mostly empty: say what the edition holds'
              : 'inboxes cut it: put the point first',
          ),
        ];
  const normal = normalize(text);
  const first = normalize(firstLine(built));
  const repeatsSubject = normal === normalize(built.edition.subject);
  // the preheader is the opening of the first paragraph, or that whole (not too short) paragraph and more
  const repeatsFirst =
    first !== '' &&
    (startsWithWords(first, normal) || (first.length >= 30 && startsWithWords(normal, first)));
  if (!repeatsSubject && !repeatsFirst) return sized;
  return [
    ...sized,
    diag(
      'PREHEADER_REPEATS',
      'warning',
      `the preheader repeats ${repeatsSubject ? 'the subject' : 'the first line of the body'}`,
      locate(built, text, editionFile(built)),
      'use it to add something: the inbox already shows the subject and the reader will see the first line',
    ),
  ];
}

/** The first paragraph the reader reads: the editor's note, else the first article's body. */
function firstLine(built: BuiltEdition): string {
  const html = built.edition.introHtml ?? built.edition.articles[0]?.html ?? '';
  return collapse(/<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '');
}

const startsWithWords = (text: string, start: string) => `${text} `.startsWith(`${start} `);

const normalize = (text: string) => collapse(text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' '));

/** Headers of the composed message (unfolded), by lower-cased name. */
export function parseHeaders(eml: string): Map<string, string> {
  const end = eml.search(/\r?\n\r?\n/);
  const head = (end < 0 ? eml : eml.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function headers(built: BuiltEdition): Diagnostic[] {
  const found = parseHeaders(built.eml);
  const where = { file: layoutFile(built) };
  // what the config has not set yet is IDENTITY_MISSING's to say, once, at the config
  const gaps = identityGaps(built.config, built.edition.slug);
  const diagnostics: Diagnostic[] = REQUIRED_HEADERS.filter(
    (name) => !found.get(name.toLowerCase()) && !gaps.headers.has(name),
  ).map((name) => diag('HEADER_MISSING', 'error', `the message has no ${name} header`, where));
  const unsubscribe = found.get('list-unsubscribe') ?? '';
  const configured = locate(built, `"${built.config.unsubscribeUrl}"`, layoutFile(built));
  if (gaps.oneClick) {
    // no unsubscribeUrl yet: IDENTITY_MISSING says so, at the config
  } else if (!/<https:\/\/[^>]+>/i.test(unsubscribe)) {
    diagnostics.push(
      diag(
        'LIST_UNSUBSCRIBE_ONE_CLICK',
        'error',
        `List-Unsubscribe is not one-click: it needs an https:// URL (got "${unsubscribe}")`,
        configured,
        'set unsubscribeUrl in newsletter.config.json to an https:// endpoint that accepts a POST',
      ),
    );
  } else if (!identifiesRecipient(built.config.unsubscribeUrl)) {
    // RFC 8058 §3.1: the POST carries no address, so the URL alone must say who leaves
    const offered = /^List-Unsubscribe=One-Click$/i.test(found.get('list-unsubscribe-post') ?? '');
    diagnostics.push(
      diag(
        'LIST_UNSUBSCRIBE_ANONYMOUS',
        'warning',
        offered
          ? 'one-click unsubscribe is offered with a URL that cannot tell who unsubscribes'
          : 'unsubscribeUrl cannot tell who unsubscribes, so messages go without List-Unsubscribe-Post (one-click), which Gmail and Yahoo ask of bulk senders',
        configured,
        'name the recipient in the URL: "https://…/unsubscribe?e={{email}}" or {{recipient "id"}} (send fills it per recipient; a platform writes its own)',
      ),
    );
  }
  return diagnostics;
}
