// The one table of diagnostic codes. Every code a stage can emit is listed here with what it means;
// test/diagnostics/codes.test.ts checks that the sources use no code missing from this table.
export const CODES = {
  // configuration and usage
  CONFIG_JSON: 'newsletter.config.json is not valid JSON.',
  CONFIG_INVALID: 'A config field has the wrong type or an invalid value.',
  CONFIG_UNKNOWN_KEY: 'The config has a key newsletter does not know (a typo?).',
  UNKNOWN_EDITION: 'A slug named on the command line matches no edition in the content folder.',
  NO_EDITIONS: 'The content folder holds no editions.',

  // content
  FILE_READ: 'A content or template file could not be read.',
  FILE_ENCODING: 'A file is not valid UTF-8.',
  FRONT_MATTER_YAML: 'The YAML front matter does not parse.',
  FRONT_MATTER_UNCLOSED: 'The front matter opens with --- but never closes.',
  FRONT_MATTER_NOT_MAP: 'The front matter is not a map of keys to values.',
  FRONT_MATTER_FIELD: 'A front matter field has the wrong type.',
  FRONT_MATTER_JS: 'Executable front matter (---js) is refused: front matter is data.',
  TITLE_MISSING: 'An article has no title.',
  ARTICLE_EMPTY: 'An article has no body text.',
  DATE_INVALID: 'A date does not parse (use YYYY-MM-DD or an ISO 8601 timestamp).',
  UNSAFE_URL: 'A URL with a scheme other than http, https or mailto was dropped.',
  HTML_REMOVED: 'Markup that email cannot carry safely (script, iframe, form, event handlers, styles) was removed.',
  RESERVED_CHARACTER: 'A private-use character that newsletter reserves for recipient fields was removed from content.',
  EDITION_EMPTY: 'An edition folder holds no articles.',
  TEMPLATE_MISSING: 'The layout an edition asks for does not exist in the templates folder.',

  // templates and rendering
  TEMPLATE_SYNTAX: 'A Handlebars template does not parse.',
  TEMPLATE_MISSING_VALUE: 'A template refers to a value the edition does not have.',
  TEMPLATE_RENDER: 'A template failed while rendering (a helper threw).',
  MJML_ERROR: 'The MJML produced by the templates is invalid.',

  // cheap checks run on every build
  SIZE_WARNING: 'The HTML is near the size at which Gmail clips a message (about 102 KB).',
  SIZE_CLIPPED: 'The HTML is over the size at which Gmail clips a message.',
  IMAGE_ALT_MISSING: 'An image has no alt attribute.',
  IMAGE_WIDTH_MISSING: 'An image has no width attribute.',

  // preview and screenshot
  PORT_IN_USE: 'The port given with --port (or --inbox-port) is taken by another program.',
  BROWSER_UNAVAILABLE: 'No Chromium to take a screenshot with (or playwright-core, which drives it, is not installed).',
  SCREENSHOT_FAILED: 'Chromium could not render or save the screenshot.',

  // writing
  WRITE_FAILED: 'An output file could not be written.',
  // send and inbox
  SEND_OPTIONS: 'The options given to send do not fit together (no recipients, a bad --timeout, --insecure with --require-tls).',
  SMTP_CONFIG: 'The SMTP settings in the environment or .env are invalid or incomplete (SMTP_URL, SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE, SMTP_CA).',
  SMTP_NOT_CONFIGURED: 'There are no SMTP settings and no local inbox is running to send to.',
  SMTP_VERIFY: 'The SMTP server could not be reached, would not secure the connection, or refused the login: nothing was sent.',
  RECIPIENTS_FILE: 'The recipients file (CSV or JSON) cannot be read or parsed.',
  RECIPIENT_INVALID: 'A recipient address or field is invalid (not an address, CR/LF or control characters, a URL that is not http(s)).',
  RECIPIENT_DUPLICATE: 'The same address is listed more than once; it is sent one message.',
  RECIPIENT_UNKNOWN_FIELD: 'A recipients column is not a recipient field the templates can use, so it is ignored.',
  TOO_MANY_RECIPIENTS: 'More than 25 recipients for a test send: confirm with --yes (mailing a whole list is for the platforms export writes).',
  STORED_EDITION: 'The edition build keeps for send and export is missing or unreadable even after building it.',
  INBOX_LISTEN: 'The local inbox could not listen on the port asked for.',
} as const;

export type Code = keyof typeof CODES;
