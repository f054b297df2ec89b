import type { Strings } from '../keys.js';

export const fa: Strings = {
  view_in_browser: 'مشاهده در مرورگر',
  view_edition_in_browser: 'مشاهدهٔ این شماره در مرورگر',
  greeting: 'سلام {name}،',
  reader: 'دوست عزیز',
  by: 'نوشتهٔ {author}',
  min_read: { one: '{count} دقیقه مطالعه', other: '{count} دقیقه مطالعه' },
  read_title_on_web: '«{title}» را در وب بخوانید',
  read_on_web: 'خواندن در وب',
  links: 'پیوندها',
  receiving: 'این نامه را دریافت می‌کنید چون مشترک {newsletter} هستید.',
  unsubscribe: 'لغو اشتراک',
  manage_preferences: 'مدیریت تنظیمات',
  preferences: 'تنظیمات',
  archive_title: '{newsletter}: همهٔ شماره‌ها',
  archive_count: { one: '{count} شماره، از جدید به قدیم.', other: '{count} شماره، از جدید به قدیم.' },
  archive_empty: 'هنوز شماره‌ای منتشر نشده است.',
  atom_feed: 'خوراک Atom',
};
