import type { Strings } from '../keys.js';

export const he: Strings = {
  view_in_browser: 'הצגה בדפדפן',
  view_edition_in_browser: 'הצגת הגיליון הזה בדפדפן',
  greeting: 'שלום {name},',
  reader: 'לך',
  by: 'מאת {author}',
  min_read: {
    one: 'דקת קריאה אחת',
    two: '{count} דקות קריאה',
    many: '{count} דקות קריאה',
    other: '{count} דקות קריאה',
  },
  read_title_on_web: 'לקריאת ”{title}“ באתר',
  read_on_web: 'לקריאה באתר',
  links: 'קישורים',
  receiving: 'קיבלת את {newsletter} כי נרשמת לרשימת התפוצה.',
  unsubscribe: 'הסרה מהרשימה',
  manage_preferences: 'ניהול ההעדפות שלך',
  preferences: 'העדפות',
  archive_title: '{newsletter}: כל הגיליונות',
  archive_count: {
    one: 'גיליון אחד, מהחדש לישן.',
    two: 'שני גיליונות, מהחדש לישן.',
    other: '{count} גיליונות, מהחדש לישן.',
  },
  archive_empty: 'עדיין אין גיליונות.',
  atom_feed: 'פיד Atom',
};
