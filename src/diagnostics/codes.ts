// The one table of diagnostic codes. Every code a stage can emit is listed here with what it means;
// test/diagnostics/codes.test.ts checks that the sources use no code missing from this table.
export const CODES = {
  // configuration and usage
  CONFIG_JSON: 'newsletter.config.json is not valid JSON.',
  CONFIG_INVALID: 'A config field has the wrong type or an invalid value.',
  CONFIG_UNKNOWN_KEY: 'The config has a key newsletter does not know (a typo?).',
  IDENTITY_MISSING:
    'The config does not set From, url, unsubscribeUrl or postalAddress: a warning in build, an error in check --strict and in send to a real server.',
  IDENTITY_EXAMPLE_DOMAIN:
    'An identity value (From, Reply-To, a URL, List-Id) is on a domain reserved for examples (example.com, .test, .example, .invalid, .localhost): a warning in build, an error in check --strict and in send to a real server.',
  LANG_STRINGS_UNKNOWN_KEY: 'The config\'s "strings" has a key no layout asks for (a typo?).',
  LANG_UNKNOWN:
    'A language tag (config "language", or "language" in edition.md or front matter) is not valid BCP 47.',
  UNKNOWN_EDITION: 'A slug named on the command line matches no edition in the content folder.',
  NO_EDITIONS: 'The content folder holds no editions.',
  DUPLICATE_SLUG:
    'Two or more content entries make editions of the same slug (a.md, a.txt, a folder a/): none of them is built until all but one are renamed.',
  SLUG_RESERVED:
    'An edition slug names a file build writes at the top of out/ (index.html, feed.xml): the edition is refused.',

  // content
  FILE_READ: 'The config, the templates or the content folder could not be read.',
  READ_FAILED: 'A file of an edition (or the build cache) could not be read; the file is named.',
  SYMLINK_SKIPPED:
    'A symbolic link in the content folder was skipped: newsletter reads no content through symbolic links.',
  NESTING_TOO_DEEP:
    'Markup or front matter nests deeper than newsletter follows (200 levels): the deeper levels were unwrapped or dropped.',
  FILE_ENCODING: 'A file is not valid UTF-8.',
  FRONT_MATTER_YAML: 'The YAML front matter does not parse.',
  FRONT_MATTER_UNCLOSED: 'The front matter opens with --- but never closes.',
  FRONT_MATTER_NOT_MAP: 'The front matter is not a map of keys to values.',
  FRONT_MATTER_FIELD: 'A front matter field has the wrong type.',
  FRONT_MATTER_JS: 'Executable front matter (---js) is refused: front matter is data.',
  TITLE_MISSING: 'An article has no title.',
  ARTICLE_EMPTY: 'An article has no body text (a Markdown article with a url, a link, may have none).',
  DATE_INVALID: 'A date does not parse (use YYYY-MM-DD or an ISO 8601 timestamp).',
  UNSAFE_URL: 'A URL with a scheme other than http, https or mailto was dropped.',
  HTML_REMOVED:
    'Markup that email cannot carry safely (script, iframe, form, event handlers, styles) was removed.',
  RESERVED_CHARACTER:
    'A private-use character that newsletter reserves for recipient fields was removed from content.',
  EDITION_EMPTY: 'An edition folder holds no articles.',
  IMAGE_NOT_FOUND:
    "A local image named by an article, the editor's note, a template or the config does not exist.",
  IMAGE_OUTSIDE_PROJECT:
    'A local image path leads outside the project (an absolute path, `..` out of it, or a symlink): never read.',
  IMAGE_UNREADABLE:
    'A local image is not a PNG, JPEG, GIF, WebP or SVG file (its first bytes say otherwise).',
  TEMPLATE_MISSING: 'The layout an edition asks for does not exist in the templates folder.',

  // templates and rendering
  TEMPLATE_SYNTAX: 'A Handlebars template does not parse.',
  TEMPLATE_MISSING_VALUE: 'A template refers to a value the edition does not have.',
  TEMPLATE_RENDER: 'A template failed while rendering (a helper threw).',
  TEMPLATE_TEXT_FALLBACK:
    "A layout has no plain-text template of its own: its plain text uses the starter's text layout.",
  MJML_ERROR: 'The MJML produced by the templates is invalid.',

  // cheap checks run on every build
  LANG_STRINGS_MISSING:
    "A template string has no translation for the edition's or an article's language (or an archive page's word for the newsletter's language): it falls back to English.",
  SIZE_WARNING: 'The HTML is near the size at which Gmail clips a message (about 102 KB).',
  SIZE_CLIPPED: 'The HTML is over the size at which Gmail clips a message.',
  SIZE_TRACKING:
    "The HTML would pass Gmail's clipping size once a platform's click tracking lengthens every link (about 60 bytes each).",
  IMAGE_ALT_MISSING: 'An image has no alt attribute.',
  IMAGE_WIDTH_MISSING: 'An image has no width attribute: Outlook draws it at its natural size.',
  STYLE_TOO_LARGE: 'A <style> block is over 8 KB: some clients drop a block that large.',
  LINK_EMPTY: 'A link has an empty href or the placeholder "#".',
  LINK_RELATIVE: 'A link has a relative address, which an inbox cannot resolve.',
  LINK_MALFORMED: "A link's URL does not parse (spaces, missing slashes or host, a malformed mailto:).",
  LINK_INSECURE: 'A link uses http: instead of https:.',
  LINK_SHORTENER: 'A link goes through a URL shortener, which spam filters distrust.',
  LINK_TEXT_MISMATCH: "A link's text is an address other than where the link goes (the shape of phishing).",
  UNSUBSCRIBE_MISSING: 'The HTML has no visible unsubscribe link.',
  UNSUBSCRIBE_CLIPPED:
    'The unsubscribe link comes after the point where Gmail clips the message (102,000 bytes).',
  IMAGE_ALT_EMPTY: 'An image has empty alt text: right for decoration only.',
  IMAGE_ALT_GENERIC: 'An image\'s alt text describes nothing ("image", "logo", a file name).',
  IMAGE_HEIGHT_MISSING: 'An image has no height attribute: with images blocked its box collapses.',
  IMAGE_SRC_INSECURE:
    'An image is not served over https (http:, data: and other schemes are blocked or warned about).',
  IMAGE_SRC_RELATIVE: 'An image has a relative or empty src, which an inbox cannot resolve.',
  IMAGE_SRC_LOCAL: "An image src names a file on the writer's computer (file:, C:\\, /Users/...).",
  IMAGE_SVG: 'A local image is an SVG, which Gmail and Outlook do not show: use PNG.',
  IMAGE_HEAVY: 'A local image file is over 1 MB (an animated GIF that heavy too): slow to load on a phone.',
  IMAGE_OVERSIZED: 'A local image is wider than twice the column: pixels no screen shows, downloaded anyway.',
  MESSAGE_TOO_HEAVY:
    'With embedded images (embedImages), the message is over 10 MB, which many mail servers refuse; names the heaviest image.',
  TEXT_MISSING: 'The plain-text part is empty.',
  TEXT_HTML_RESIDUE:
    'The plain-text part contains HTML tags, entities or CSS that the HTML does not show as text.',
  TEXT_LINE_LONG: 'A plain-text line is over 78 columns (a URL alone on its line may be longer).',
  TEXT_LINK_MISSING: 'A link of the HTML does not appear in the plain-text part.',
  TEXT_TOO_SHORT:
    "The plain-text part has under 70% of the HTML's words (SpamAssassin's MPART_ALT_DIFF fires on parts that differ).",
  SUBJECT_MISSING: 'The edition has no subject.',
  SUBJECT_TOO_LONG: 'The subject is over 78 characters.',
  HEADER_LINE_BREAK: 'A header value (subject, From, List-Id...) contains CR or LF.',
  PREHEADER_MISSING: 'The edition has no preheader, so inboxes show the first words of the body.',
  PREHEADER_REPEATS: 'The preheader repeats the subject or the first line of the body.',
  PREHEADER_LENGTH:
    'The preheader is under 40 or over 140 characters: inboxes show about that much beside the subject.',
  HEADER_MISSING:
    'The composed message lacks a header every list message needs (From, To, Subject, Date, Message-ID, MIME-Version, Content-Type, List-Unsubscribe).',
  LIST_UNSUBSCRIBE_ONE_CLICK: 'List-Unsubscribe is not one-click (RFC 8058): it needs an https URL.',
  LIST_UNSUBSCRIBE_ANONYMOUS:
    'unsubscribeUrl names no recipient field ({{email}}, {{recipient "id"}}), so one POST could not say who unsubscribes: messages go without List-Unsubscribe-Post (RFC 8058 §3.1).',

  // check only
  A11Y_LANG: 'The page has no lang attribute, or "und".',
  LANG_DIRECTION_MISMATCH:
    'Most letters of an edition are in a right-to-left script but it is laid out left-to-right, or the reverse.',
  A11Y_H1: 'The page has no h1, or more than one.',
  A11Y_HEADING_SKIP: 'A heading skips a level (h2 followed by h4).',
  A11Y_LINK_TEXT: 'A link\'s text says nothing out of context ("click here", "read more").',
  A11Y_CONTRAST:
    'Text contrast against its background is under WCAG AA (4.5:1, or 3:1 for large text), from inline styles.',
  CLIENT_UNSUPPORTED:
    "The HTML uses a feature that some of the checked email clients do not support (caniemail data), beyond what MJML's own skeleton uses.",
  CSS_INVALID:
    'A stylesheet or inline style in the page does not parse: Gmail drops a whole `<style>` block with an error in it, and client support cannot check it.',
  CHECK_OPTIONS: 'An option of check is invalid (an unknown email client, a bad --timeout).',
  LINK_BROKEN: 'check --online: a link or image answered with an error status, or not at all.',
  SPAMASSASSIN_MISSING: 'check --spam needs SpamAssassin, which is not installed.',
  SPAMASSASSIN_FAILED: 'SpamAssassin ran but its report could not be read.',
  SPAM_SCORE: "check --spam: SpamAssassin's score (5 or more is an error, above 0 a warning).",
  SPAM_RULE:
    'check --spam: one SpamAssassin rule that fired, with its points and description; the hint says what trips the rules newsletters trip, and what to do.',
  SPAM_MIXED_SCRIPT:
    'check --spam: a SpamAssassin rule that reads look-alike letters fired (MIXED_ES, UNICODE_OBFU_ASC, FUZZY_*), and this word mixes scripts (a Cyrillic "е" among Latin letters, or the reverse): retype it in one script.',

  // preview and screenshot
  PORT_IN_USE: 'The port given with --port (or --inbox-port) is taken by another program.',
  BROWSER_UNAVAILABLE:
    'No Chromium to take a screenshot with (or playwright-core, which drives it, is not installed).',
  SCREENSHOT_FAILED:
    'Chromium could not render the edition for a screenshot (writing the PNG fails as WRITE_FAILED).',
  WATCH_FAILED:
    'preview cannot watch a file or folder (no permission, the system limit on watched files): saving there does not rebuild until it restarts.',

  // writing
  WRITE_FAILED: 'An output file or folder could not be written (or was a symbolic link); the path is named.',
  PROJECT_CHANGED:
    'The config or a template changed while the build ran: the edition was rendered with one version and would be written with another, so it was not written. Build again.',
  ARCHIVE_ORPHAN:
    'Edition folders in out/ have no source in the project any more: the archive and the feed leave them out, and `newsletter clean` removes them.',
  ARCHIVE_MANIFEST:
    'An edition folder in out/ has a manifest.json newsletter cannot read, so the archive page and feed leave it out.',

  // export
  EXPORT_PLATFORM: 'export needs known --platform names, or --all.',
  EXPORT_EDITIONS: 'export needs edition slugs, or --all for every edition.',
  EXPORT_FIELD_FALLBACK:
    'The platform has no merge tag for a recipient field, so the export holds its configured value instead.',
  EXPORT_FALLBACK_DROPPED:
    'The platform cannot give a merge tag a fallback (the first name\'s "there"): recipients without the field see nothing there.',
  EXPORT_FALLBACK_INVALID:
    "A template fallback cannot be written inside the platform's merge tag (it holds the platform's syntax or both kinds of quote).",
  EXPORT_LITERAL_SYNTAX:
    "Text reads as the platform's template syntax and the platform has no way to escape it in this part: reword it.",
  EXPORT_REQUIRED_TAG:
    'A merge tag the platform requires (its unsubscribe link) is missing from the exported HTML or text.',
  EXPORT_TOKEN_LEFT: 'A neutral recipient field was left in an export instead of becoming a merge tag.',
  EXPORT_TAG_BROKEN:
    'A recipient field or merge tag was altered (by MJML, inlining or the text beside it), so the platform would not read it.',

  // import
  IMPORT_OPTIONS:
    'The options given to import do not fit together (no feed and no --urls, both, a bad --since, --limit or --edition).',
  IMPORT_EDITION_EXISTS: 'The edition import would write exists already; it is left alone unless --force.',
  IMPORT_SOURCE:
    'The feed or list of links cannot be read: not found, refused, timed out, too large, not a feed or malformed.',
  IMPORT_ITEM:
    'An item was left out of an import: a feed item without a link, a listed URL that is not one or whose page cannot be read.',
  IMPORT_PAGE: "A feed item's page could not be read for its image; the item is imported without it.",
  IMPORT_NOTHING: 'An import found nothing to write (every item was left out, or the feed is empty).',

  // send and inbox
  SEND_OPTIONS:
    'The options given to send do not fit together (no recipients, a bad --timeout, --insecure with --require-tls).',
  SMTP_CONFIG:
    'The SMTP settings in the environment or .env are invalid or incomplete (SMTP_URL, SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE, SMTP_CA).',
  SMTP_NOT_CONFIGURED: 'There are no SMTP settings and no local inbox is running to send to.',
  SMTP_VERIFY:
    'The SMTP server could not be reached, would not secure the connection, or refused the login: nothing was sent.',
  RECIPIENTS_FILE: 'The recipients file (CSV or JSON) cannot be read or parsed.',
  RECIPIENT_INVALID:
    'A recipient address or field is invalid (not an address, CR/LF or control characters, a URL that is not http(s)).',
  RECIPIENT_DUPLICATE: 'The same address is listed more than once; it is sent one message.',
  RECIPIENT_UNKNOWN_FIELD:
    'A recipients column is not a recipient field the templates can use, so it is ignored.',
  TOO_MANY_RECIPIENTS:
    'More than 25 recipients for a test send: confirm with --yes (mailing a whole list is for the platforms export writes).',
  STORED_EDITION:
    'The edition build keeps for send and export is missing or unreadable even after building it.',
  INBOX_LISTEN: 'The local inbox could not listen on the port asked for.',

  // any command
  INTERNAL_ERROR:
    'newsletter itself failed on this edition (a bug): the edition is not written, the others still build. --debug shows the stack trace.',
} as const;

export type Code = keyof typeof CODES;
