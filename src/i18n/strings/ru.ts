import type { Strings } from '../keys.js';

export const ru: Strings = {
  view_in_browser: 'Открыть в браузере',
  view_edition_in_browser: 'Открыть этот выпуск в браузере',
  greeting: 'Привет, {name}!',
  reader: 'друг',
  by: 'Автор: {author}',
  min_read: {
    one: '{count} минута чтения',
    few: '{count} минуты чтения',
    many: '{count} минут чтения',
    other: '{count} минуты чтения',
  },
  read_title_on_web: 'Читать «{title}» на сайте',
  read_on_web: 'Читать на сайте',
  links: 'Ссылки',
  receiving: 'Вы получаете {newsletter}, потому что подписались на рассылку.',
  unsubscribe: 'Отписаться',
  manage_preferences: 'Настроить подписку',
  preferences: 'Настройки',
  archive_title: '{newsletter}: все выпуски',
  archive_count: {
    one: '{count} выпуск, сначала новые.',
    few: '{count} выпуска, сначала новые.',
    many: '{count} выпусков, сначала новые.',
    other: '{count} выпуска, сначала новые.',
  },
  archive_empty: 'Выпусков пока нет.',
  atom_feed: 'Лента Atom',
};
