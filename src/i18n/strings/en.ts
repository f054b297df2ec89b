import type { Strings } from '../keys.js';

export const en: Strings = {
  view_in_browser: 'View in your browser',
  view_edition_in_browser: 'View this edition in your browser',
  greeting: 'Hi {name},',
  reader: 'there',
  by: 'By {author}',
  min_read: { one: '{count} min read', other: '{count} min read' },
  read_title_on_web: 'Read “{title}” on the web',
  read_on_web: 'Read on the web',
  links: 'Links',
  receiving: 'You are receiving {newsletter} because you subscribed to it.',
  unsubscribe: 'Unsubscribe',
  manage_preferences: 'Manage your preferences',
  preferences: 'Preferences',
  archive_title: '{newsletter}: all editions',
  archive_count: { one: '{count} edition, newest first.', other: '{count} editions, newest first.' },
  archive_empty: 'No editions yet.',
  atom_feed: 'Atom feed',
};
