// A kept edition exported for one platform: both parts converted, then the platform's rules checked.
// Pure: the command reads the kept edition and writes the result.
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RecipientField, RecipientValues } from '../render/tokens.js';
import { exportPart, type ExportedPart } from './export-part.js';
import type { Span } from './escape.js';
import type { Locate } from './locate.js';
import type { Part, Platform } from './platform.js';
import { EXPORT_RULES } from './rules.js';

export interface ExportInput {
  html: string;
  text: string;
  defaults: RecipientValues;
}

export interface EditionExport {
  platform: Platform;
  ok: boolean;
  html: string;
  text: string;
  /** Fields written as their configured values, because the platform has no tag for them. */
  fallbacks: RecipientField[];
  /** Each part as spans: which text is a merge tag the export wrote (the preview highlights them). */
  spans: Record<Part, Span[]>;
  diagnostics: Diagnostic[];
}

export function exportEdition(
  kept: ExportInput,
  platform: Platform,
  where: { locate: Locate; files: Record<Part, string> },
): EditionExport {
  const parts = (['html', 'text'] as const).map((part) =>
    exportPart({
      part,
      source: kept[part],
      platform,
      defaults: kept.defaults,
      file: where.files[part],
      locate: where.locate,
    }),
  );
  const diagnostics = parts.flatMap((exported) => [
    ...exported.diagnostics,
    ...EXPORT_RULES.flatMap((rule) =>
      rule({ platform, exported, source: kept[exported.part], file: where.files[exported.part] }),
    ),
  ]);
  const fallbacks = unique(parts.flatMap((p) => p.fallbacks));
  diagnostics.push(
    ...notes(platform, fallbacks, unique(parts.flatMap((p) => p.dropped)), kept.defaults, parts),
  );
  const [html, text] = parts.map((p) => p.output);
  return {
    platform,
    ok: !hasErrors(diagnostics),
    html,
    text,
    fallbacks,
    spans: { html: parts[0]!.spans, text: parts[1]!.spans },
    diagnostics: unique(diagnostics.map((d) => JSON.stringify(d))).map((d) => JSON.parse(d) as Diagnostic),
  };
}

/** What the export did not map, said once per field. */
function notes(
  platform: Platform,
  fallbacks: RecipientField[],
  dropped: RecipientField[],
  defaults: RecipientValues,
  parts: ExportedPart[],
): Diagnostic[] {
  const where = (field: RecipientField) => {
    const inParts = parts
      .filter((p) => p.fallbacks.includes(field))
      .map((p) => (p.part === 'html' ? 'HTML' : 'text'));
    return inParts.length === 2 ? '' : ` in the ${inParts[0]}`;
  };
  return [
    ...fallbacks.map((field) =>
      diag(
        'EXPORT_FIELD_FALLBACK',
        'info',
        `${platform.label} has no merge tag for ${field}${where(field)}: the export holds its configured value ${JSON.stringify(defaults[field] ?? '')}`,
      ),
    ),
    ...dropped.map((field) =>
      diag(
        'EXPORT_FALLBACK_DROPPED',
        'warning',
        `${platform.label} merge tags take no fallback: recipients without ${field} see nothing where the template has a fallback`,
        {},
        `give every recipient a ${field} in ${platform.label}`,
      ),
    ),
  ];
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
