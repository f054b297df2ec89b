import { describe, expect, it } from 'vitest';
import { imagesRule } from '../../src/checks/images.js';
import { built, GOOD_BODY } from './helpers.js';

const withImage = (img: string) => built({ body: `${GOOD_BODY}${img}` });
const GOOD = 'src="https://example.org/chart.png" width="552" height="auto"';

describe('images rule', () => {
  it.each([
    [`<img ${GOOD}>`, 'IMAGE_ALT_MISSING', 'error'],
    [`<img ${GOOD} alt="">`, 'IMAGE_ALT_EMPTY', 'warning'],
    [`<img ${GOOD} alt="image">`, 'IMAGE_ALT_GENERIC', 'warning'],
    [`<img ${GOOD} alt="Logo">`, 'IMAGE_ALT_GENERIC', 'warning'],
    [`<img ${GOOD} alt="IMG_2041.JPG">`, 'IMAGE_ALT_GENERIC', 'warning'],
    [
      '<img src="https://example.org/a.png" alt="A chart of sizes" height="300">',
      'IMAGE_WIDTH_MISSING',
      'warning',
    ],
    [
      '<img src="https://example.org/a.png" alt="A chart of sizes" width="552">',
      'IMAGE_HEIGHT_MISSING',
      'warning',
    ],
    [
      '<img src="http://example.org/a.png" alt="A chart of sizes" width="552" height="300">',
      'IMAGE_SRC_INSECURE',
      'warning',
    ],
    [
      '<img src="data:image/png;base64,AAAA" alt="A chart of sizes" width="552" height="300">',
      'IMAGE_SRC_INSECURE',
      'warning',
    ],
    [
      '<img src="images/chart.png" alt="A chart of sizes" width="552" height="300">',
      'IMAGE_SRC_RELATIVE',
      'error',
    ],
    ['<img alt="A chart of sizes" width="552" height="300">', 'IMAGE_SRC_RELATIVE', 'error'],
    [
      '<img src="file:///Users/ada/chart.png" alt="A chart of sizes" width="552" height="300">',
      'IMAGE_SRC_LOCAL',
      'error',
    ],
    [
      '<img src="C:\\Users\\ada\\chart.png" alt="A chart of sizes" width="552" height="300">',
      'IMAGE_SRC_LOCAL',
      'error',
    ],
  ])('%s -> %s', async (img, code, severity) => {
    const found = imagesRule(await withImage(img));
    expect(found).toEqual([expect.objectContaining({ code, severity })]);
  });

  it.each([
    `<img ${GOOD} alt="Bar chart: the edition weighs 61 KB, under the 102 KB limit">`,
    '<img src="https://example.org/a.png" alt="A chart" width="552px" height="300">',
    '<img src="https://t.example.org/open.gif" width="1" height="1">',
    `<div style="display:none"><img ${GOOD}></div>`,
  ])('keeps quiet on %s', async (img) => {
    expect(imagesRule(await withImage(img))).toEqual([]);
  });

  it('names the file and line of the image', async () => {
    const b = await built({
      body: `${GOOD_BODY}<img src="images/chart.png" alt="A chart" width="552" height="300">`,
      sources: [{ file: 'content/weight.md', text: '---\ntitle: x\n---\n\n![A chart](images/chart.png)\n' }],
    });
    expect(imagesRule(b)[0]).toMatchObject({
      code: 'IMAGE_SRC_RELATIVE',
      file: 'content/weight.md',
      line: 5,
      column: 12,
    });
  });
});
