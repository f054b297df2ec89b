// Everything a command needs before it touches an edition: resolved paths, the validated config, the
// templates compiled once, and the list of editions. Shared by build, check, preview, send and export.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Config } from './config/config.js';
import { loadConfig } from './config/load.js';
import { displayPath, listContent, type EditionEntry } from './content/discover.js';
import { diag, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from './package-root.js';
import { projectRoot } from './project-root.js';
import { TemplateEngine } from './render/engine.js';
import { loadTemplates, type TemplateSet } from './render/templates.js';
import { withTextFallbacks } from './render/text-fallback.js';
import { DEFAULT_STARTER, starterDir } from './starters/starters.js';

export interface ProjectOptions {
  /**
   * The project folder; other paths are relative to it. Default: the nearest folder at or above the
   * current one holding newsletter.config.json, else the current folder.
   */
  root?: string;
  content?: string;
  /** Default: templates/ when the project has one, else the built-in digest starter. */
  templates?: string;
  out?: string;
  /** Config file; when given explicitly it must exist. */
  config?: string;
}

export interface Project {
  paths: {
    root: string;
    content: string;
    templates: string;
    out: string;
    contentLabel: string;
    outLabel: string;
  };
  config: Config;
  configSource: string;
  /** The config file's project-relative path, for diagnostics (it may not exist: then configSource is ''). */
  configFile: string;
  templates: TemplateSet;
  engine: TemplateEngine;
  editions: EditionEntry[];
}

/** The absolute paths the options name (also what preview watches, even when the project does not load). */
export function projectPaths(options: ProjectOptions): Project['paths'] & { config: string } {
  const root = projectRoot(options.root);
  const content = resolve(root, options.content ?? 'content');
  const out = resolve(root, options.out ?? 'out');
  return {
    root,
    content,
    templates: templatesDir(root, options.templates),
    out,
    contentLabel: displayPath(root, content) || '.',
    outLabel: displayPath(root, out) || '.',
    config: resolve(root, options.config ?? 'newsletter.config.json'),
  };
}

export async function loadProject(
  options: ProjectOptions,
): Promise<{ project?: Project; diagnostics: Diagnostic[]; usageError: boolean }> {
  const { config: configPath, ...paths } = projectPaths(options);
  const root = paths.root;

  const loadedConfig = await loadConfig(
    configPath,
    displayPath(root, configPath),
    options.config !== undefined,
  );
  if (hasErrors(loadedConfig.diagnostics)) return { diagnostics: loadedConfig.diagnostics, usageError: true };

  let templates: TemplateSet;
  let editions: Project['editions'];
  let contentDiagnostics: Diagnostic[];
  try {
    templates = await loadTemplates(root, paths.templates, (path) => templateLabel(root, path));
  } catch (error) {
    return {
      diagnostics: [
        diag('FILE_READ', 'error', `cannot read templates: ${(error as Error).message}`, {
          file: displayPath(root, paths.templates),
        }),
      ],
      usageError: true,
    };
  }
  try {
    ({ editions, diagnostics: contentDiagnostics } = await listContent(paths.content, root));
  } catch (error) {
    return {
      diagnostics: [
        diag('FILE_READ', 'error', `cannot read content: ${(error as Error).message}`, {
          file: paths.contentLabel,
        }),
      ],
      usageError: true,
    };
  }
  if (editions.length === 0) {
    return {
      diagnostics: [
        diag(
          'NO_EDITIONS',
          'error',
          `no editions in ${paths.contentLabel}`,
          {},
          'add an article (.md or .txt) or an edition folder',
        ),
      ],
      usageError: true,
    };
  }
  const text = withTextFallbacks(
    templates,
    templateLabel(root, resolve(starterDir(DEFAULT_STARTER), 'default.txt.hbs')),
  );
  templates = text.templates;
  const engine = new TemplateEngine(templates, loadedConfig.config);
  const diagnostics = [
    ...loadedConfig.diagnostics,
    ...contentDiagnostics,
    ...text.diagnostics,
    ...engine.diagnostics,
  ];
  if (hasErrors(engine.diagnostics)) return { diagnostics, usageError: false };
  return {
    project: {
      paths,
      config: loadedConfig.config,
      configSource: loadedConfig.source,
      configFile: displayPath(root, configPath),
      templates,
      engine,
      editions,
    },
    diagnostics,
    usageError: false,
  };
}

/** The templates folder: the one given, else the project's templates/, else the built-in starter's. */
function templatesDir(root: string, given: string | undefined): string {
  if (given !== undefined) return resolve(root, given);
  const own = resolve(root, 'templates');
  return existsSync(own) ? own : starterDir(DEFAULT_STARTER);
}

/** A template's name in diagnostics: project-relative, or newsletter/starters/... for a built-in one. */
function templateLabel(root: string, path: string): string {
  const inside = relative(root, path);
  if (!inside.startsWith('..') && !isAbsolute(inside)) return displayPath(root, path);
  return `newsletter/${displayPath(PACKAGE_ROOT, path)}`;
}
