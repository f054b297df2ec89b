import type { Strings } from '../keys.js';

export const de: Strings = {
  view_in_browser: 'Im Browser ansehen',
  view_edition_in_browser: 'Diese Ausgabe im Browser ansehen',
  greeting: 'Hallo {name},',
  reader: 'zusammen',
  by: 'Von {author}',
  min_read: { one: '{count} Min. Lesezeit', other: '{count} Min. Lesezeit' },
  read_title_on_web: '„{title}“ im Web lesen',
  read_on_web: 'Im Web lesen',
  links: 'Links im Text',
  receiving: 'Du bekommst {newsletter}, weil du dich dafür angemeldet hast.',
  unsubscribe: 'Abmelden',
  manage_preferences: 'Einstellungen ändern',
  preferences: 'Einstellungen',
  archive_title: '{newsletter}: alle Ausgaben',
  archive_count: {
    one: '{count} Ausgabe, die neueste zuerst.',
    other: '{count} Ausgaben, die neuesten zuerst.',
  },
  archive_empty: 'Noch keine Ausgaben.',
  atom_feed: 'Atom-Feed',
};
