import { describe, expect, it } from 'vitest';
import { readFeed, type ParsedFeed } from '../../src/import/feed.js';
import { fixture } from './server.js';

const BASE = 'http://127.0.0.1:9';
const read = (name: string, base?: string) =>
  readFeed(fixture(name).replaceAll('{{BASE}}', BASE), base) as ParsedFeed;

describe('reading feeds', () => {
  it('reads RSS 2.0 with CDATA, enclosures and media:content, as plain text', () => {
    const feed = read('feed.rss', 'https://harbour.example.org/feed/');
    expect(feed.title).toBe('The Harbour Review');
    const [tides, knots, missing, moorings] = feed.items;
    expect(tides).toMatchObject({
      title: 'Tides, read properly',
      url: 'https://harbour.example.org/2025/12/tides-read-properly/',
      source: 'The Harbour Review',
      author: 'Maren Holt',
      date: '2025-12-30',
      image: 'https://cdn.harbour.example.org/2025/12/tides.jpg',
    });
    // the summary's words, not its markup; WordPress's "appeared first on" line dropped; {{…}} kept as text
    expect(tides.dek).toBe(
      'A tide table is a promise with footnotes. Here is how to read the footnotes before they read you: {{first_name}} stays as written.',
    );
    expect(knots.title).toBe('Knots & the people who tie them');
    expect(knots.dek).toBe('Seven knots, seven sailors, and the one knot nobody agrees on.');
    expect(knots.image).toBe('https://cdn.harbour.example.org/2025/12/knots.png');
    expect(missing.url).toBeUndefined();
    expect(moorings.image).toBe('https://cdn.harbour.example.org/2025/11/moorings.jpg');
  });

  it('reads Atom 1.0: html titles, xhtml summaries, relative links, media thumbnails', () => {
    const feed = read('feed.atom', `${BASE}/feed.atom`);
    expect(feed.title).toBe('Plain Sailing Notes');
    expect(feed.items[0]).toMatchObject({
      title: 'Charts & compasses',
      url: `${BASE}/page/og`,
      author: 'Ines Ward',
      date: '2025-12-29',
      dek: 'Why a paper chart still earns its place beside the plotter.',
    });
    expect(feed.items[0].image).toBeUndefined();
    expect(feed.items[1]).toMatchObject({
      url: 'https://notes.example.org/reefing-early',
      dek: 'If you are wondering whether to reef, you should have already.',
      image: 'https://notes.example.org/img/reef.jpg',
    });
  });

  it('reads JSON Feed 1.1: summary or content_text, image or an image attachment, external_url', () => {
    const feed = read('feed.json');
    expect(feed.title).toBe('Dockside Daily');
    expect(feed.items[0]).toMatchObject({
      title: 'Fog signals, a refresher',
      author: 'Sam Reyes',
      date: '2025-12-31',
      image: 'https://dockside.example.org/img/fog.jpg',
      dek: 'Long, short, long: what the horns are saying.',
    });
    expect(feed.items[1]).toMatchObject({
      url: 'https://ropes.example.net/care',
      image: 'https://dockside.example.org/img/ropes.webp',
      dek: 'Rinse, dry, coil. Then again.',
    });
  });

  it('cuts a long summary to 50 words and drops links that are not http(s)', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const rss = `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>javascript:alert(1)</link><description>${words}</description></item><item><title>B</title><link>https://b.example/</link><description>${words}</description></item></channel></rss>`;
    const feed = readFeed(rss, undefined) as ParsedFeed;
    expect(feed.items[0].url).toBeUndefined();
    expect(feed.items[1].dek!.split(' ')).toHaveLength(50);
    expect(feed.items[1].dek).toMatch(/word49…$/);
  });

  it('takes an Atom enclosure link and a JSON Feed 1.0 author', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><id>1</id><updated>2025-12-01T00:00:00Z</updated><link href="https://a.example/e"/><link rel="enclosure" type="image/png" href="https://a.example/e.png"/></entry></feed>`;
    expect((readFeed(atom, undefined) as ParsedFeed).items[0].image).toBe('https://a.example/e.png');
    const json = {
      version: 'https://jsonfeed.org/version/1',
      title: 'J',
      items: [{ id: '1', url: 'https://j.example/1', title: 'T', author: { name: 'Old Style' } }],
    };
    expect((readFeed(JSON.stringify(json), undefined) as ParsedFeed).items[0].author).toBe('Old Style');
  });

  it('says when the text is not a feed, or is malformed', () => {
    expect(readFeed('<!doctype html><title>Home</title>', undefined)).toEqual({
      error: 'not an RSS, Atom or JSON feed',
    });
    expect(readFeed('{"hello": "world"}', undefined)).toHaveProperty('error');
    expect(
      readFeed('<rss version="2.0"><channel><title>B</title><item><title>A</titl', undefined),
    ).toHaveProperty('error');
  });
});
