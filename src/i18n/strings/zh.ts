import type { Strings } from '../keys.js';

export const zh: Strings = {
  view_in_browser: '在浏览器中查看',
  view_edition_in_browser: '在浏览器中查看本期',
  greeting: '{name}，你好！',
  reader: '朋友',
  by: '作者：{author}',
  min_read: { other: '阅读约需 {count} 分钟' },
  read_title_on_web: '在网页上阅读《{title}》',
  read_on_web: '在网页上阅读',
  links: '链接',
  receiving: '你收到这封邮件，是因为订阅了 {newsletter}。',
  unsubscribe: '退订',
  manage_preferences: '管理订阅偏好',
  preferences: '偏好设置',
  archive_title: '{newsletter}：全部往期',
  archive_count: { other: '共 {count} 期，从新到旧排列。' },
  archive_empty: '还没有发布任何一期。',
  atom_feed: 'Atom 订阅源',
};
