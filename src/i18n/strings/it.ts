import type { Strings } from '../keys.js';

export const it: Strings = {
  view_in_browser: 'Apri nel browser',
  view_edition_in_browser: 'Apri questo numero nel browser',
  greeting: 'Ciao {name},',
  reader: 'a tutti',
  by: 'Di {author}',
  min_read: {
    one: '{count} min di lettura',
    many: '{count} min di lettura',
    other: '{count} min di lettura',
  },
  read_title_on_web: 'Leggi «{title}» sul web',
  read_on_web: 'Leggi sul web',
  links: 'Collegamenti',
  receiving: 'Ricevi {newsletter} perché ti sei iscritto.',
  unsubscribe: 'Annulla l’iscrizione',
  manage_preferences: 'Gestisci le tue preferenze',
  preferences: 'Preferenze',
  archive_title: '{newsletter}: tutti i numeri',
  archive_count: {
    one: '{count} numero, dal più recente al più vecchio.',
    many: '{count} numeri, dal più recente al più vecchio.',
    other: '{count} numeri, dal più recente al più vecchio.',
  },
  archive_empty: 'Ancora nessun numero.',
  atom_feed: 'Feed Atom',
};
