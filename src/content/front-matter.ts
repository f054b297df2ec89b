// Splits a `---` YAML block off the top of a file and parses it as data. It never runs code:
// `---js` blocks are refused (gray-matter would eval them), and keys that could reach a prototype are dropped.
//
// Two parsers, both YAML 1.2 with its core schema: js-yaml reads plain front matter, the common case, five
// times faster than `yaml` and cheaper to load (js-yaml 4: its 5.x reads through an event stream, ten times
// slower on a front matter, about 80 µs against 7 warm). Anything else (see UNUSUAL), and anything js-yaml
// refuses, goes to `yaml`, loaded only then: it words errors for writers ("Missing closing quote", at the
// quote) and limits how far aliases expand, which js-yaml 4 does not: so js-yaml never sees an anchor or an
// alias. test/content/front-matter.test.ts checks that the two read front matter alike.
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load } from 'js-yaml';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumnAt, RESERVED_CHARACTERS } from './text.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** The 1-based line of the file on which `body` starts. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const OPENING = /^---[ \t]*([A-Za-z]*)[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** How deep front matter values may nest: deeper ones are dropped with a warning (no template goes so deep). */
export const MAX_DATA_DEPTH = 200;

export function splitFrontMatter(text: string, file: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text, bodyLine: 1, diagnostics: [] };

  const language = opening[1].toLowerCase();
  if (language && language !== 'yaml' && language !== 'yml') {
    return failed(
      text,
      diag('FRONT_MATTER_JS', 'error', `front matter "---${opening[1]}" is not allowed: only YAML`, {
        file,
        line: 1,
        column: 4,
      }),
    );
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return failed(
      text,
      diag('FRONT_MATTER_UNCLOSED', 'error', 'front matter starts with --- but has no closing --- line', {
        file,
        line: 1,
        column: 1,
      }),
    );
  }
  const yamlSource = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\n/, '');
  const yamlLines = yamlSource.split('\n').length - (yamlSource.endsWith('\n') || yamlSource === '' ? 1 : 0);
  const bodyLine = 1 + yamlLines + 2; // opening line + YAML lines + closing line, then the body

  const parsed = parseYaml(yamlSource);
  if ('problems' in parsed) {
    return {
      data: {},
      body: afterClosing,
      bodyLine,
      // +1: line 1 of the file is the opening ---
      diagnostics: parsed.problems.map((at) =>
        diag('FRONT_MATTER_YAML', 'error', at.message, { file, line: at.line + 1, column: at.col }),
      ),
    };
  }
  const value = parsed.value;
  if (value === null || value === undefined)
    return { data: {}, body: afterClosing, bodyLine, diagnostics: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      data: {},
      body: afterClosing,
      bodyLine,
      diagnostics: [
        diag('FRONT_MATTER_NOT_MAP', 'error', 'front matter must be "key: value" lines', {
          file,
          line: 2,
          column: 1,
        }),
      ],
    };
  }
  const copied: Copying = { tooDeep: new Set() };
  const data: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!DANGEROUS_KEYS.has(key))
      data[key.replace(RESERVED_CHARACTERS, '')] = plainData(inner, copied, 1, key);
  }
  const diagnostics = [...copied.tooDeep].map((key) =>
    diag(
      'NESTING_TOO_DEEP',
      'warning',
      `"${key}" nests more than ${MAX_DATA_DEPTH} levels deep: what lies deeper was dropped`,
      { file, ...yamlKeyLine(text, key) },
    ),
  );
  return { data, body: afterClosing, bodyLine, diagnostics };
}

/** The file line of a top-level key of the front matter (line 1 is the opening ---). */
function yamlKeyLine(text: string, key: string): { line?: number } {
  const lines = text.split('\n');
  const index = lines.findIndex(
    (line, i) =>
      i > 0 && (line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`)),
  );
  return index < 0 ? {} : { line: index + 1 };
}

type Parsed = { value: unknown } | { problems: { message: string; line: number; col: number }[] };

// What plain front matter never holds, and where js-yaml reads otherwise than `yaml`: tags (!!float), anchors
// and aliases (after a space, a flow indicator, or the colon of a quoted key: `{"a":*x}`), keys that are null
// (~:), \U escapes, exponents (2e308), the integers js-yaml 4 still reads as YAML 1.1 did (binary 0b101, a
// signed -0x1F or +0o7: strings in YAML 1.2), -0 (which it reads as 0) and -.5 (a string to it), a quoted
// value or a [list] that goes on to the next line (js-yaml 4 takes one that is not indented there, which YAML
// refuses), a comment right after a closing quote ("a"#b, refused too), a [list] or {map} as a key and a
// lone - as a list's item (each read otherwise), and lines over 1024 characters (too long for a key). A false
// alarm ("Tom & Jerry") only costs the slower parser.
const UNUSUAL = new RegExp(
  [
    /(^|[\s[{,:])[!&*]/,
    /(^|[\s[{,])(~|null|Null|NULL)\s*:/,
    /\\U/,
    /\d[eE][+-]?\d/,
    /0b[01]|[+-]0[xo]|-0(?![\w.])|[+-]\.\d/,
    /(^|[\s[{,:])"(?:[^"\\\n]|\\.)*$|(^|[\s[{,:])'(?:[^'\n]|'')*$|[[{][^\]}\n]*$|["']#/,
    /^[ \t]*[[{]|(^|\s)-[ \t]*$/,
    /^.{1025}/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'm',
);

/** The YAML's value, or its problems with their lines and columns within the YAML. */
export function parseYaml(source: string): Parsed {
  if (UNUSUAL.test(source)) return thoroughParse(source);
  try {
    // an empty document is null, as `yaml` has it (js-yaml 4: undefined)
    return { value: load(source, { schema: CORE_SCHEMA }) ?? null };
  } catch {
    return thoroughParse(source);
  }
}

type YamlLibrary = typeof import('yaml');
let yaml: YamlLibrary | undefined;

function thoroughParse(source: string): Parsed {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  const doc = yaml.parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length === 0) {
    const recursive = recursiveAlias(yaml, doc);
    if (recursive !== undefined) {
      const at = lineColumnAt(source, recursive.offset);
      return {
        problems: [
          {
            message: `the alias *${recursive.name} is inside the value it names (&${recursive.name}): it would never end`,
            line: at.line,
            col: at.column,
          },
        ],
      };
    }
    try {
      return { value: doc.toJS({ maxAliasCount: 50 }) as unknown };
    } catch {
      // aliases of aliases that would expand into millions of values ("billion laughs")
      return {
        problems: [{ message: 'aliases (*name) here expand too far: write the values out', line: 1, col: 1 }],
      };
    }
  }
  return {
    problems: problems.map((problem) => {
      const pos = problem.linePos?.[0] ?? { line: 1, col: 1 };
      const at = problem.code === 'MISSING_CHAR' ? openingQuote(source, pos) : pos;
      // the parser itself runs out of stack on values nested a thousand levels deep
      const message = /call stack/i.test(problem.message)
        ? `the front matter nests too deep (keep it under ${MAX_DATA_DEPTH} levels)`
        : firstLine(problem.message);
      return { message, ...at };
    }),
  };
}

function failed(text: string, problem: Diagnostic): FrontMatter {
  return { data: {}, body: text, bodyLine: 1, diagnostics: [problem] };
}

/** yaml reports an unclosed quote where the input ends; the writer needs the line where the quote opened. */
function openingQuote(source: string, end: { line: number; col: number }): { line: number; col: number } {
  const lines = source.split('\n');
  for (let i = Math.min(end.line, lines.length) - 1; i >= 0; i--) {
    for (const quote of ['"', "'"]) {
      if ((lines[i].split(quote).length - 1) % 2 === 1)
        return { line: i + 1, col: lines[i].indexOf(quote) + 1 };
    }
  }
  return end;
}

const firstLine = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

/**
 * An alias inside the node its anchor names (`a: &a [*a]`): it makes a value that contains itself. Its name and
 * its offset in the source, or undefined.
 */
function recursiveAlias(
  yaml: YamlLibrary,
  doc: ReturnType<YamlLibrary['parseDocument']>,
): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  yaml.visit(doc, {
    Alias(_, node, path) {
      if (path.some((ancestor) => yaml.isNode(ancestor) && ancestor.anchor === node.source)) {
        found = { name: node.source, offset: node.range?.[0] ?? 0 };
        return yaml.visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

interface Copying {
  /** Top-level keys under which values nest deeper than MAX_DATA_DEPTH (what lies deeper is dropped). */
  tooDeep: Set<string>;
  /** The objects being copied, outermost first: one met again is a loop (from aliases), and is dropped. */
  ancestors?: Set<object>;
}

/**
 * A deep copy made only of plain objects, arrays and scalars, without prototype-reaching keys or reserved
 * characters. Recursive, but never deeper than MAX_DATA_DEPTH, and never round a loop.
 */
function plainData(value: unknown, copying: Copying, depth: number, key: string): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const ancestors = (copying.ancestors ??= new Set());
    if (depth > MAX_DATA_DEPTH || ancestors.has(value)) {
      copying.tooDeep.add(key);
      return null;
    }
    ancestors.add(value);
    try {
      if (Array.isArray(value)) return value.map((inner) => plainData(inner, copying, depth + 1, key));
      const copy: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(value)) {
        if (!DANGEROUS_KEYS.has(name))
          copy[name.replace(RESERVED_CHARACTERS, '')] = plainData(inner, copying, depth + 1, key);
      }
      return copy;
    } finally {
      ancestors.delete(value);
    }
  }
  // a YAML escape such as "\uE000" decodes to a reserved character: removed, as in the file itself (article.ts)
  if (typeof value === 'string') return value.replace(RESERVED_CHARACTERS, '');
  return value;
}
