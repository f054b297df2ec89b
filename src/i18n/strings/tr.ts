import type { Strings } from '../keys.js';

export const tr: Strings = {
  view_in_browser: 'Tarayıcıda görüntüle',
  view_edition_in_browser: 'Bu sayıyı tarayıcıda görüntüle',
  greeting: 'Merhaba {name},',
  reader: 'okur',
  by: 'Yazan: {author}',
  min_read: { one: '{count} dk okuma', other: '{count} dk okuma' },
  read_title_on_web: '“{title}” yazısını web’de oku',
  read_on_web: 'Web’de oku',
  links: 'Bağlantılar',
  receiving: '{newsletter} bültenine abone olduğunuz için bu e-postayı alıyorsunuz.',
  unsubscribe: 'Abonelikten çık',
  manage_preferences: 'Tercihlerini yönet',
  preferences: 'Tercihler',
  archive_title: '{newsletter}: tüm sayılar',
  archive_count: { one: '{count} sayı, en yeniden eskiye.', other: '{count} sayı, en yeniden eskiye.' },
  archive_empty: 'Henüz sayı yok.',
  atom_feed: 'Atom beslemesi',
};
