import type { Strings } from '../keys.js';

export const pl: Strings = {
  view_in_browser: 'Zobacz w przeglądarce',
  view_edition_in_browser: 'Zobacz to wydanie w przeglądarce',
  greeting: 'Cześć {name},',
  reader: 'wszystkim',
  by: 'Autor: {author}',
  min_read: {
    one: '{count} minuta czytania',
    few: '{count} minuty czytania',
    many: '{count} minut czytania',
    other: '{count} minuty czytania',
  },
  read_title_on_web: 'Przeczytaj „{title}” w sieci',
  read_on_web: 'Czytaj w sieci',
  links: 'Linki',
  receiving: 'Dostajesz {newsletter}, bo ten adres jest zapisany na listę.',
  unsubscribe: 'Wypisz się',
  manage_preferences: 'Zarządzaj preferencjami',
  preferences: 'Preferencje',
  archive_title: '{newsletter}: wszystkie wydania',
  archive_count: {
    one: '{count} wydanie, od najnowszego.',
    few: '{count} wydania, od najnowszego.',
    many: '{count} wydań, od najnowszego.',
    other: '{count} wydania, od najnowszego.',
  },
  archive_empty: 'Nie ma jeszcze żadnych wydań.',
  atom_feed: 'Kanał Atom',
};
