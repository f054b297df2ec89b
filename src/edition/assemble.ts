// Turns an edition's files into an Edition: parse each article, apply edition.md, fill defaults.
// Precedence is one visible merge: config defaults < edition.md < what the articles imply.
import type { Config } from '../config/config.js';
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseArticle, decodeText } from '../content/article.js';
import { parseEditionFile, type EditionFile } from '../content/edition-file.js';
import type { EditionSource } from '../content/discover.js';
import type { Article, Edition } from './types.js';

export async function assembleEdition(
  source: EditionSource,
  config: Config,
): Promise<{ edition?: Edition; diagnostics: Diagnostic[] }> {
  // what reading found: files that could not be read (errors), symbolic links skipped (warnings)
  const diagnostics: Diagnostic[] = [...(source.diagnostics ?? [])];
  let editionFile: EditionFile = { extra: {} };
  if (source.editionFile) {
    const decoded = decodeText(source.editionFile.bytes, source.editionFile.file);
    if ('diagnostic' in decoded) {
      diagnostics.push(decoded.diagnostic);
    } else {
      diagnostics.push(...decoded.diagnostics);
      const parsed = parseEditionFile(decoded.text, source.editionFile.file);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.edition) editionFile = parsed.edition;
    }
  }

  const articles: Article[] = [];
  for (const file of source.articles) {
    const parsed = await parseArticle(file.bytes, file.file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.article) articles.push(parsed.article);
  }
  if (source.articles.length === 0 && !hasErrors(source.diagnostics ?? [])) {
    diagnostics.push(
      diag(
        'EDITION_EMPTY',
        'error',
        `edition "${source.slug}" has no articles`,
        { file: source.editionFile?.file ?? `${source.slug}/` },
        'add a .md or .txt article beside edition.md',
      ),
    );
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  const only = articles.length === 1 ? articles[0] : undefined;
  const edition: Edition = {
    slug: source.slug,
    sources: [source.editionFile, ...source.articles].filter((f) => f !== undefined).map((f) => f.file),
    subject: editionFile.subject ?? only?.title ?? articles[0].title,
    preheader: editionFile.preheader ?? only?.dek,
    date: editionFile.date ?? only?.date,
    layout: editionFile.template ?? config.template,
    language: editionFile.language,
    introHtml: editionFile.introHtml,
    articles,
    extra: editionFile.extra,
  };
  if (edition.preheader === undefined) delete edition.preheader;
  if (edition.date === undefined) delete edition.date;
  if (edition.language === undefined) delete edition.language;
  if (edition.introHtml === undefined) delete edition.introHtml;
  return { edition, diagnostics };
}
