import type { Strings } from '../keys.js';

export const uk: Strings = {
  view_in_browser: 'Переглянути в браузері',
  view_edition_in_browser: 'Переглянути цей випуск у браузері',
  greeting: 'Привіт, {name}!',
  reader: 'друже',
  by: 'Автор: {author}',
  min_read: {
    one: '{count} хвилина читання',
    few: '{count} хвилини читання',
    many: '{count} хвилин читання',
    other: '{count} хвилини читання',
  },
  read_title_on_web: 'Читати «{title}» на сайті',
  read_on_web: 'Читати на сайті',
  links: 'Посилання',
  receiving: 'Ви отримуєте {newsletter}, бо підписалися на розсилку.',
  unsubscribe: 'Відписатися',
  manage_preferences: 'Налаштувати підписку',
  preferences: 'Налаштування',
  archive_title: '{newsletter}: усі випуски',
  archive_count: {
    one: '{count} випуск, спершу нові.',
    few: '{count} випуски, спершу нові.',
    many: '{count} випусків, спершу нові.',
    other: '{count} випуску, спершу нові.',
  },
  archive_empty: 'Випусків поки немає.',
  atom_feed: 'Стрічка Atom',
};
