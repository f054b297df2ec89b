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
};
