// The weight fixture: a digest of 8 articles, each with a lead image, an inline image, a table of 25 cells, a
// quote, a code block and 14 links, as the issue about inbox weight measured it. Deterministic text, so the bytes
// are the same on every run: `npm run bench` reports its HTML weight, and test/render/weight.test.ts keeps
// the reviewed figure.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const WEIGHT_SLUG = '2026-12-weight';

const sentence = (a, n) =>
  `Article ${a} looks at how a message is weighed, sent and read in inboxes of every kind, sentence ${n}.`;

function article(a) {
  const links = Array.from(
    { length: 12 },
    (_, i) => `[source ${i + 1}](https://example.org/a${a}/source-${i + 1})`,
  );
  return `---
title: "Part ${a}: what an inbox makes of a newsletter"
dek: "A close reading of the bytes, the layout and the links of issue ${a}"
author: "Maren Holt"
date: 2026-12-0${a}
url: "https://fieldnotes.example.com/2026/12/part-${a}"
image: "https://fieldnotes.example.com/images/part-${a}.jpg"
image_alt: "A chart of part ${a}"
---
${sentence(a, 1)} ${sentence(a, 2)} See ${links.slice(0, 4).join(', ')}.

![An inline figure for part ${a}](https://fieldnotes.example.com/images/part-${a}-inline.png)

${sentence(a, 3)} ${sentence(a, 4)} Also ${links.slice(4, 8).join(', ')}.

| Client | Share | Clips at | Dark mode | Styles |
|---|---:|:---:|---|---|
| Gmail | 31% | 102 KB | partial | some |
| Apple Mail | 28% | none | full | all |
| Outlook | 9% | none | partial | Word |
| Yahoo | 4% | none | full | most |

> ${sentence(a, 5)} ${sentence(a, 6)}

\`\`\`js
const weight = Buffer.byteLength(html); // part ${a}
if (weight > 102 * 1024) console.warn('clipped');
\`\`\`

${sentence(a, 7)} Further reading: ${links.slice(8).join(', ')}.
`;
}

/** Writes the fixture edition into `content` (a project's content folder). */
export async function writeWeightFixture(content) {
  const dir = join(content, WEIGHT_SLUG);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'edition.md'),
    `---\nsubject: "Weighing the inbox: eight parts"\npreheader: "What every byte of a digest costs, and where the layout spends them."\ndate: 2026-12-10\n---\nEight parts this month, each on one way a newsletter gains or loses weight.\n`,
  );
  for (let a = 1; a <= 8; a++) await writeFile(join(dir, `0${a}-part.md`), article(a));
}
