// The Handlebars side of rendering: one isolated instance per template set and output kind, strict mode
// (a missing value is an error with its template and line), no prototype access, and for MJML a map from
// each output line back to the template or partial that wrote it, so MJML errors can name that file.
import Handlebars from 'handlebars';
import type { Config } from '../config/config.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { helpers } from './helpers.js';
import type { TemplateFile, TemplateKind, TemplateSet } from './templates.js';

// Markers that wrap each partial's output in the MJML text; removed before MJML sees it (line count kept).
const BEGIN = '\uE003';
const BEGIN_END = '\uE004';
const END = '\uE005';
const MARKERS = /[\uE003-\uE005]/;

export interface Rendered {
  output: string;
  /** For each output line (index 0 = line 1): the template file that wrote it and that file's line guess. */
  origin(line: number): { file: string; line: number };
}

export type RenderResult = { ok: true; rendered: Rendered } | { ok: false; diagnostics: Diagnostic[] };

interface CompileFailure {
  file: string;
  error: Error & { lineNumber?: number; column?: number };
}

export class TemplateEngine {
  private readonly instances = new Map<TemplateKind, typeof Handlebars>();
  private readonly layouts = new Map<string, HandlebarsTemplateDelegate>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly templates: TemplateSet,
    config: Config,
  ) {
    for (const kind of ['mjml', 'txt'] as const) {
      const hbs = Handlebars.create();
      hbs.registerHelper(
        helpers(config, kind, hbs.SafeString, hbs.escapeExpression) as Handlebars.HelperDeclareSpec,
      );
      for (const partial of templates.partials.filter((p) => p.kind === kind)) {
        const compiled = this.compile(hbs, partial);
        if (compiled) hbs.registerPartial(partial.name, this.tracked(partial, compiled, kind === 'mjml'));
      }
      for (const layout of templates.layouts.filter((l) => l.kind === kind)) {
        const compiled = this.compile(hbs, layout);
        if (compiled)
          this.layouts.set(`${layout.name}.${kind}`, this.tracked(layout, compiled, kind === 'mjml'));
      }
      this.instances.set(kind, hbs);
    }
  }

  hasLayout(name: string, kind: TemplateKind): boolean {
    return this.templates.layouts.some((l) => l.name === name && l.kind === kind);
  }

  /** `data`: the template's @data; `assets` there is what the `asset` helper looks names up in. */
  render(layout: string, kind: TemplateKind, view: object, data: object = {}): RenderResult {
    const template = this.layouts.get(`${layout}.${kind}`);
    const file =
      this.templates.layouts.find((l) => l.name === layout && l.kind === kind)?.file ??
      `${layout}.${kind}.hbs`;
    if (!template) return { ok: false, diagnostics: [] }; // missing or failed to compile: already reported
    try {
      const marked = template(view, {
        data,
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
      return { ok: true, rendered: unmark(marked, this.templates) };
    } catch (error) {
      const failure = error as CompileFailure['error'] & { templateFile?: string };
      return { ok: false, diagnostics: [renderDiagnostic(failure, failure.templateFile ?? file)] };
    }
  }

  private compile(hbs: typeof Handlebars, template: TemplateFile): HandlebarsTemplateDelegate | undefined {
    try {
      // parsed now, so that a syntax error is reported even if the template is unused; the compiler takes the
      // parsed template rather than the source, which it would parse again (its whitespace rules, which it
      // applies to what it parses, are left to it, so they run once, as for a source)
      const parsed = hbs.parseWithoutProcessing(template.source);
      return hbs.compile(parsed, {
        strict: true,
        noEscape: template.kind === 'txt',
        preventIndent: true,
      });
    } catch (error) {
      this.diagnostics.push(
        renderDiagnostic(error as CompileFailure['error'], template.file, 'TEMPLATE_SYNTAX'),
      );
      return undefined;
    }
  }

  /** Wraps a template so errors thrown inside name it, and (for MJML) its output is marked with its file. */
  private tracked(
    template: TemplateFile,
    compiled: HandlebarsTemplateDelegate,
    mark: boolean,
  ): HandlebarsTemplateDelegate {
    const index = [...this.templates.layouts, ...this.templates.partials].indexOf(template);
    return (context, options) => {
      try {
        const output = compiled(context, options);
        return mark ? `${BEGIN}${index}${BEGIN_END}${output}${END}` : output;
      } catch (error) {
        const e = error as Error & { templateFile?: string };
        e.templateFile ??= template.file;
        throw e;
      }
    };
  }
}

function renderDiagnostic(
  error: CompileFailure['error'],
  file: string,
  code?: 'TEMPLATE_SYNTAX',
): Diagnostic {
  const message = error.message.split('\n')[0];
  const position = /- (\d+):(\d+)$/.exec(message) ?? /on line (\d+)/.exec(message);
  const line = error.lineNumber ?? (position ? Number(position[1]) : undefined);
  const column =
    error.column !== undefined ? error.column + 1 : position?.[2] ? Number(position[2]) + 1 : undefined;
  const clean = message.replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]$/, '');
  const missing = /^"(.+)" not defined/.exec(clean);
  if (code === 'TEMPLATE_SYNTAX' || /^Parse error|^Expecting|^Invalid/.test(clean)) {
    return diag('TEMPLATE_SYNTAX', 'error', clean, { file, line, column });
  }
  if (missing) {
    return diag(
      'TEMPLATE_MISSING_VALUE',
      'error',
      `"${missing[1]}" is not defined`,
      { file, line, column },
      'check the spelling, or guard it with {{#if}}; see the README for the template variables',
    );
  }
  return diag('TEMPLATE_RENDER', 'error', clean, { file, line, column });
}

/** Removes the markers, keeping a map from each output line to the template that wrote it. */
function unmark(marked: string, templates: TemplateSet): Rendered {
  const all = [...templates.layouts, ...templates.partials];
  if (!MARKERS.test(marked))
    return { output: marked, origin: (line) => ({ file: all[0]?.file ?? '', line }) };
  const owners: { index: number; startLine: number }[] = []; // owner of each output line
  const stack: { index: number; startLine: number }[] = [];
  const pieces: string[] = [];
  const special = /[\uE003\uE005\n]/g;
  let line = 1;
  let from = 0;
  for (let match = special.exec(marked); match; match = special.exec(marked)) {
    pieces.push(marked.slice(from, match.index));
    from = match.index + 1;
    if (match[0] === '\n') {
      pieces.push('\n');
      line++;
      if (stack.length) owners[line] = stack[stack.length - 1];
    } else if (match[0] === BEGIN) {
      const close = marked.indexOf(BEGIN_END, match.index);
      stack.push({ index: Number(marked.slice(match.index + 1, close)), startLine: line });
      owners[line] = stack[stack.length - 1];
      from = close + 1;
      special.lastIndex = from;
    } else {
      stack.pop();
      // a partial's output usually ends with its newline: the line after it belongs to the parent again
      if (stack.length && marked[match.index - 1] === '\n') owners[line] = stack[stack.length - 1];
    }
  }
  pieces.push(marked.slice(from));
  const output = pieces.join('');
  return {
    output,
    origin(errorLine) {
      const owner = owners[errorLine] ?? { index: 0, startLine: 1 };
      const template = all[owner.index];
      return { file: template.file, line: errorLine - owner.startLine + 1 };
    },
  };
}
