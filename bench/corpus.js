// A synthetic archive for the benchmark: seeded, so every run builds the same bytes. Each edition is a
// folder with an edition.md and two to five articles (mostly Markdown, some plain text), about 850 words
// in all on average, with headings, links, lists and quotes, like the sample edition.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG; Math.random would make every run a different corpus. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a mail list reader sender inbox header message text plain part edition issue footer link button ' +
  'client server provider filter signal weight size image width alt colour contrast dark mode layout ' +
  'column table font quiet careful small useful honest short long weekly monthly archive feed page ' +
  'subscriber editor writer draft proof test send open click reply thread note desk kitchen scale ' +
  'standard request response token address domain record policy report bounce complaint delivery'
).split(' ');
const NAMES = [
  'Maren Holt',
  'Tomas Ferreira',
  'Ines Okafor',
  'Ruth Lindqvist',
  'Pavel Novak',
  'Amara Diallo',
];

export function corpusEdition(index, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const s = words(6 + Math.floor(rand() * 12));
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (n) => Array.from({ length: n }, sentence).join(' ');
  const title = () => {
    const t = words(3 + Math.floor(rand() * 5));
    return `${t[0].toUpperCase()}${t.slice(1)}`;
  };
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
  const year = 2000 + Math.floor(index / (28 * 12));
  const date = `${year}-${month}-${day}`;
  const slug = `${date}-issue-${String(index + 1).padStart(4, '0')}`;
  const url = (n) => `https://fieldnotes.example.com/${year}/${month}/issue-${index + 1}-${n}`;

  const files = {
    'edition.md': `---\nsubject: "${title()} (issue ${index + 1})"\npreheader: "${sentence()}"\ndate: ${date}\n---\n${paragraph(2 + Math.floor(rand() * 3))}\n`,
  };
  const articles = 2 + Math.floor(rand() * 4);
  for (let n = 1; n <= articles; n++) {
    const paragraphs = 2 + Math.floor(rand() * 5);
    if (rand() < 0.2) {
      const body = Array.from({ length: paragraphs }, () => paragraph(2 + Math.floor(rand() * 4))).join(
        '\n\n',
      );
      files[`${String(n).padStart(2, '0')}-text-${n}.txt`] =
        `${title()}\n\n${words(8)}\n\n${body}\n\nAuthor: ${pick(NAMES)}\n\n${paragraph(1)}\n`;
      continue;
    }
    const body = [];
    for (let p = 0; p < paragraphs; p++) {
      const shape = rand();
      if (shape < 0.15) body.push(`## ${title()}`);
      else if (shape < 0.25) body.push(Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n'));
      else if (shape < 0.3) body.push(`> ${sentence()}`);
      body.push(
        `${paragraph(2 + Math.floor(rand() * 4))} See [${words(3)}](${url(`${n}-${p}`)}) and *${words(2)}*, **${words(1)}**.`,
      );
    }
    files[`${String(n).padStart(2, '0')}-article-${n}.md`] =
      `---\ntitle: "${title()}"\ndek: "${sentence()}"\nauthor: ${pick(NAMES)}\ndate: ${date}\nurl: ${url(n)}\n---\n${body.join('\n\n')}\n`;
  }
  return { slug, files };
}

/** Writes `count` editions into `contentDir`; returns their slugs. Same seed, same bytes. */
export async function writeCorpus(contentDir, count, seed = 7) {
  const rand = random(seed);
  const slugs = [];
  for (let index = 0; index < count; index++) {
    const { slug, files } = corpusEdition(index, rand);
    await mkdir(join(contentDir, slug), { recursive: true });
    await Promise.all(
      Object.entries(files).map(([name, text]) => writeFile(join(contentDir, slug, name), text)),
    );
    slugs.push(slug);
  }
  return slugs;
}
