import type { Strings } from '../keys.js';

export const nl: Strings = {
  view_in_browser: 'Bekijk in je browser',
  view_edition_in_browser: 'Bekijk deze editie in je browser',
  greeting: 'Hoi {name},',
  reader: 'allemaal',
  by: 'Door {author}',
  min_read: { one: '{count} min leestijd', other: '{count} min leestijd' },
  read_title_on_web: 'Lees ‘{title}’ op het web',
  read_on_web: 'Lees op het web',
  links: 'Verwijzingen',
  receiving: 'Je ontvangt {newsletter} omdat je je hebt aangemeld.',
  unsubscribe: 'Afmelden',
  manage_preferences: 'Voorkeuren beheren',
  preferences: 'Voorkeuren',
  archive_title: '{newsletter}: alle edities',
  archive_count: { one: '{count} editie, nieuwste eerst.', other: '{count} edities, nieuwste eerst.' },
  archive_empty: 'Nog geen edities.',
  atom_feed: 'Atom-feed',
};
