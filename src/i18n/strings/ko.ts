import type { Strings } from '../keys.js';

export const ko: Strings = {
  view_in_browser: '브라우저에서 보기',
  view_edition_in_browser: '이번 호를 브라우저에서 보기',
  greeting: '{name}님, 안녕하세요.',
  reader: '독자',
  by: '글: {author}',
  min_read: { other: '읽는 데 {count}분' },
  read_title_on_web: '‘{title}’ 웹에서 읽기',
  read_on_web: '웹에서 읽기',
  links: '링크',
  receiving: '{newsletter}을(를) 구독해 주셔서 이 메일을 보내 드립니다.',
  unsubscribe: '구독 취소',
  manage_preferences: '수신 설정 관리',
  preferences: '수신 설정',
  archive_title: '{newsletter}: 지난 호 전체',
  archive_count: { other: '총 {count}개 호, 최신순' },
  archive_empty: '아직 발행된 호가 없습니다.',
  atom_feed: 'Atom 피드',
};
