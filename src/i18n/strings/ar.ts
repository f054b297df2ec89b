import type { Strings } from '../keys.js';

export const ar: Strings = {
  view_in_browser: 'اعرضها في المتصفح',
  view_edition_in_browser: 'اعرض هذا العدد في المتصفح',
  greeting: 'مرحبًا {name}،',
  reader: 'عزيزي القارئ',
  by: 'بقلم {author}',
  min_read: {
    zero: '{count} دقيقة قراءة',
    one: 'دقيقة قراءة واحدة',
    two: 'دقيقتا قراءة',
    few: '{count} دقائق قراءة',
    many: '{count} دقيقة قراءة',
    other: '{count} دقيقة قراءة',
  },
  read_title_on_web: 'اقرأ «{title}» على الويب',
  read_on_web: 'اقرأ على الويب',
  links: 'الروابط',
  receiving: 'تصلك رسالة {newsletter} لأنك اشتركت فيها.',
  unsubscribe: 'إلغاء الاشتراك',
  manage_preferences: 'إدارة تفضيلاتك',
  preferences: 'التفضيلات',
};
