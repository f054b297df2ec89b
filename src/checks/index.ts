// The rule lists. `build` runs the cheap rules on every edition; `check` runs them all.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { imagesRule } from './images.js';
import type { BuiltEdition, Rule } from './rule.js';
import { sizeRule } from './size.js';

export const CHEAP_RULES: Rule[] = [sizeRule, imagesRule];

export const runRules = (rules: Rule[], built: BuiltEdition): Diagnostic[] => rules.flatMap((rule) => rule(built));
