import type { Strings } from '../keys.js';

export const sv: Strings = {
  view_in_browser: 'Visa i webbläsaren',
  view_edition_in_browser: 'Visa det här numret i webbläsaren',
  greeting: 'Hej {name},',
  reader: 'alla',
  by: 'Av {author}',
  min_read: { one: '{count} min läsning', other: '{count} min läsning' },
  read_title_on_web: 'Läs ”{title}” på webben',
  read_on_web: 'Läs på webben',
  links: 'Länkar',
  receiving: 'Du får {newsletter} eftersom du har prenumererat.',
  unsubscribe: 'Avsluta prenumerationen',
  manage_preferences: 'Hantera dina inställningar',
  preferences: 'Inställningar',
  archive_title: '{newsletter}: alla nummer',
  archive_count: { one: '{count} nummer, det senaste först.', other: '{count} nummer, de senaste först.' },
  archive_empty: 'Inga nummer ännu.',
  atom_feed: 'Atom-flöde',
};
