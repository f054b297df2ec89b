import type { Strings } from '../keys.js';

export const fr: Strings = {
  view_in_browser: 'Voir dans le navigateur',
  view_edition_in_browser: 'Voir cette édition dans le navigateur',
  greeting: 'Bonjour {name},',
  reader: 'à toutes et à tous',
  by: 'Par {author}',
  min_read: {
    one: '{count} min de lecture',
    many: '{count} min de lecture',
    other: '{count} min de lecture',
  },
  read_title_on_web: 'Lire « {title} » sur le web',
  read_on_web: 'Lire sur le web',
  links: 'Liens',
  receiving: 'Vous recevez {newsletter} parce que vous vous y êtes abonné.',
  unsubscribe: 'Se désabonner',
  manage_preferences: 'Gérer vos préférences',
  preferences: 'Préférences',
  archive_title: '{newsletter}\u00a0: toutes les éditions',
  archive_count: {
    one: '{count} édition, de la plus récente à la plus ancienne.',
    many: '{count} éditions, de la plus récente à la plus ancienne.',
    other: '{count} éditions, de la plus récente à la plus ancienne.',
  },
  archive_empty: 'Aucune édition pour l’instant.',
  atom_feed: 'Flux Atom',
};
