import type { Strings } from '../keys.js';

export const hi: Strings = {
  view_in_browser: 'ब्राउज़र में देखें',
  view_edition_in_browser: 'यह अंक ब्राउज़र में देखें',
  greeting: 'नमस्ते {name},',
  reader: 'दोस्तो',
  by: 'लेखक: {author}',
  min_read: { one: 'पढ़ने में {count} मिनट', other: 'पढ़ने में {count} मिनट' },
  read_title_on_web: '“{title}” वेब पर पढ़ें',
  read_on_web: 'वेब पर पढ़ें',
  links: 'लिंक',
  receiving: 'आपको {newsletter} इसलिए मिल रहा है क्योंकि आपने इसकी सदस्यता ली है।',
  unsubscribe: 'सदस्यता छोड़ें',
  manage_preferences: 'अपनी पसंद बदलें',
  preferences: 'पसंद',
  archive_title: '{newsletter}: सभी अंक',
  archive_count: { one: '{count} अंक, सबसे नया पहले।', other: '{count} अंक, सबसे नए पहले।' },
  archive_empty: 'अभी तक कोई अंक नहीं है।',
  atom_feed: 'Atom फ़ीड',
};
