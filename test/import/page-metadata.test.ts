import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '../../src/import/page-metadata.js';
import { fixture } from './server.js';

describe('what a page says about itself', () => {
  it('takes Open Graph first, and a name rather than a profile URL for the author', () => {
    expect(readPageMetadata(fixture('page-og.html'), 'https://notes.example.org/charts')).toEqual({
      title: 'Charts & compasses',
      description: 'Why a paper chart still earns its place beside the plotter, and how to keep one current.',
      image: 'https://notes.example.org/img/charts-1200.jpg',
      imageAlt: 'A folded chart beside a hand-bearing compass',
      siteName: 'Plain Sailing',
      author: 'Ines Ward',
      date: '2025-12-29',
    });
  });

  it('falls back on the Twitter card, resolving a relative image against the page', () => {
    expect(readPageMetadata(fixture('page-twitter.html'), 'https://dockside.example.org/dues')).toMatchObject(
      {
        title: 'Harbour dues explained',
        description: 'What the harbour charges for, line by line.',
        image: 'https://dockside.example.org/img/dues.png',
        imageAlt: 'A harbour dues invoice',
        author: '@samreyes',
      },
    );
  });

  it('reads JSON-LD (an @graph, past a malformed block), then the <title>', () => {
    expect(readPageMetadata(fixture('page-jsonld.html'), 'https://coastal.example.com/keepers')).toEqual({
      title: 'Lighthouse keepers, then and now',
      description: 'Three keepers, three centuries, one lamp.',
      image: 'https://coastal.example.com/img/lamp.jpg',
      imageAlt: undefined,
      siteName: 'Coastal Stories',
      author: 'Ada Moss',
      date: '2025-12-10',
    });
    expect(readPageMetadata('<title> Just a title </title>', 'https://x.example/').title).toBe(
      'Just a title',
    );
  });

  it('keeps only http(s) images', () => {
    const html =
      '<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="data:image/png;base64,AAAA">';
    expect(readPageMetadata(html, 'https://x.example/').image).toBeUndefined();
  });
});
