// The article file formats, on their own: finding editions needs only the names, not the parsers (which
// load Markdown, YAML and HTML libraries that a build with nothing to do never needs).
export const ARTICLE_EXTENSIONS = ['.md', '.txt'] as const;
