import type { Strings } from '../keys.js';

export const pt: Strings = {
  view_in_browser: 'Ver no navegador',
  view_edition_in_browser: 'Ver esta edição no navegador',
  greeting: 'Olá, {name},',
  reader: 'pessoal',
  by: 'Por {author}',
  min_read: {
    one: '{count} min de leitura',
    many: '{count} min de leitura',
    other: '{count} min de leitura',
  },
  read_title_on_web: 'Ler “{title}” na web',
  read_on_web: 'Ler na web',
  links: 'Ligações',
  receiving: 'Você recebe {newsletter} porque se inscreveu.',
  unsubscribe: 'Cancelar inscrição',
  manage_preferences: 'Alterar preferências',
  preferences: 'Preferências',
  archive_title: '{newsletter}: todas as edições',
  archive_count: {
    one: '{count} edição, da mais recente para a mais antiga.',
    many: '{count} edições, da mais recente para a mais antiga.',
    other: '{count} edições, da mais recente para a mais antiga.',
  },
  archive_empty: 'Ainda não há edições.',
  atom_feed: 'Feed Atom',
};
