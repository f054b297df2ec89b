// The language and direction an edition and each of its articles are laid out in. Precedence: the config,
// then edition.md's `language`, then an article's own. The config's `direction` is for its language; an
// edition or article in another language takes that language's direction.
import type { Config } from '../config/config.js';
import type { Article, Edition } from '../edition/types.js';
import { directionOf, startSide, type Direction } from './direction.js';

export interface Placement {
  language: string;
  dir: Direction;
  /** The side text starts from ("left" or "right"), and the other one: for alignment, borders, indents. */
  align: 'left' | 'right';
  end: 'left' | 'right';
}

function placement(language: string, dir: Direction): Placement {
  const align = startSide(dir);
  return { language, dir, align, end: align === 'left' ? 'right' : 'left' };
}

export function editionPlacement(edition: Pick<Edition, 'language'>, config: Config): Placement {
  const language = edition.language ?? config.language;
  const own = language !== config.language;
  return placement(language, !own && config.direction ? config.direction : directionOf(language));
}

/** The article's placement, and whether it differs from its edition's (then its section says so). */
export function articlePlacement(
  article: Pick<Article, 'language'>,
  edition: Placement,
): Placement & { own: boolean } {
  if (!article.language || article.language === edition.language) return { ...edition, own: false };
  return { ...placement(article.language, directionOf(article.language)), own: true };
}
