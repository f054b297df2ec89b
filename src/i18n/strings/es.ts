import type { Strings } from '../keys.js';

export const es: Strings = {
  view_in_browser: 'Ver en el navegador',
  view_edition_in_browser: 'Ver esta edición en el navegador',
  greeting: 'Hola, {name}:',
  reader: 'lector',
  by: 'Por {author}',
  min_read: {
    one: '{count} min de lectura',
    many: '{count} min de lectura',
    other: '{count} min de lectura',
  },
  read_title_on_web: 'Leer «{title}» en la web',
  read_on_web: 'Leer en la web',
  links: 'Enlaces',
  receiving: 'Recibes {newsletter} porque te suscribiste.',
  unsubscribe: 'Cancelar la suscripción',
  manage_preferences: 'Gestionar tus preferencias',
  preferences: 'Preferencias',
  archive_title: '{newsletter}: todas las ediciones',
  archive_count: {
    one: '{count} edición, de la más reciente a la más antigua.',
    many: '{count} ediciones, de la más reciente a la más antigua.',
    other: '{count} ediciones, de la más reciente a la más antigua.',
  },
  archive_empty: 'Todavía no hay ediciones.',
  atom_feed: 'Canal Atom',
};
