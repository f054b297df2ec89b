import type { Strings } from '../keys.js';

export const ja: Strings = {
  view_in_browser: 'ブラウザで見る',
  view_edition_in_browser: 'この号をブラウザで見る',
  greeting: '{name}さん、こんにちは。',
  reader: '読者の皆',
  by: '文：{author}',
  min_read: { other: '{count}分で読めます' },
  read_title_on_web: '「{title}」をウェブで読む',
  read_on_web: 'ウェブで読む',
  links: 'リンク',
  receiving: '{newsletter}にご登録いただいているため、このメールをお送りしています。',
  unsubscribe: '配信停止',
  manage_preferences: '配信設定の変更',
  preferences: '配信設定',
  archive_title: '{newsletter}：バックナンバー一覧',
  archive_count: { other: '全{count}号（新しい順）' },
  archive_empty: 'まだ配信された号はありません。',
  atom_feed: 'Atom フィード',
};
