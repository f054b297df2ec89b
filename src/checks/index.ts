// The rule lists. `build` runs the cheap rules on every edition; `check` runs them all (see run-checks.ts
// for the ones that need more than the built edition: client support, live links, SpamAssassin).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { accessibilityRule } from './accessibility.js';
import { contrastRule } from './contrast.js';
import { imageFilesRule } from './image-files.js';
import { imagesRule } from './images.js';
import { directionRule, languageStringsRule } from './language.js';
import { linksRule } from './links.js';
import { messageRule } from './message.js';
import type { BuiltEdition, Rule } from './rule.js';
import { sizeRule } from './size.js';
import { textPartRule } from './text-part.js';

/** Fast and about what every send needs: these run on every build and land in manifest.json. */
export const CHEAP_RULES: Rule[] = [
  sizeRule,
  linksRule,
  imagesRule,
  imageFilesRule,
  textPartRule,
  messageRule,
  languageStringsRule,
];

/** Pure rules only `check` runs, beside the cheap ones the build already ran. */
export const CHECK_RULES: Rule[] = [accessibilityRule, contrastRule, directionRule];

export const runRules = (rules: Rule[], built: BuiltEdition): Diagnostic[] =>
  rules.flatMap((rule) => rule(built));
