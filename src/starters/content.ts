// What `init` and `new` write into content/: an edition in the shape of each starter, so the writer starts
// from a file that already builds and shows where each field goes. Front matter values are written as
// JSON strings, which are valid YAML whatever they hold.
import type { StarterName } from './starters.js';

/** File name -> text. A folder edition: edition.md and its articles; a single file: one `<slug>.md`. */
export type EditionFiles = Record<string, string>;

const yaml = (value: string) => JSON.stringify(value);

function editionMd(subject: string, preheader: string, date: string, note?: string): string {
  const front = `---\nsubject: ${yaml(subject)}\npreheader: ${yaml(preheader)}\ndate: ${date}\n---\n`;
  return note ? `${front}${note}\n` : front;
}

const DIGEST_NOTE =
  'Hello, and welcome. This is the editor’s note: a few lines that open each edition, written in ' +
  'edition.md below its front matter. The stories follow, one file each, in the order of their names.';

const DIGEST_STORY = (date: string) => `---
title: "The first story"
dek: "One line under the title that says what the story is about"
date: ${date}
# author: "Your Name"
# url: "https://www.example.org/where-this-story-lives-on-the-web"
---
Write the story here, in Markdown. Paragraphs are separated by a blank line, *emphasis* and **strong**
words work as you would expect, and [links](https://commonmark.org/help/) are written like this one.

### A section of the story

Sections start at three hashes, because the newsletter's name and the story titles take the levels
above them. Add another story as another file beside this one: \`02-next-story.md\`.
`;

const STORY_NOTE =
  'A short note before the story, if you want one; delete these lines from edition.md if you do not.';

const LONG_READ = (date: string) => `---
title: "The story of this edition"
dek: "One or two lines that make the reader want the rest"
date: ${date}
# author: "Your Name"
# image: "https://www.example.org/lead-image.jpg"
# image_alt: "What the lead image shows, for readers who cannot see it"
---
A long read starts here. Write it in Markdown, one paragraph after another, with a blank line between
them. The story starter gives the headline the whole width of the page and sets the text large enough to
read comfortably on a phone.

### Give the long read some sections

Sections start at three hashes. They help a reader who comes back to the story later find their place,
and they give the plain-text version of the edition its shape too.

> A quotation, set apart from the text, reads like this.

Add a lead image with \`image\` and \`image_alt\` in the front matter above: an address on the web, and a
sentence for readers who cannot see it.
`;

const LINKS_NOTE =
  'A few things worth your time this week. Each item below is one file: its title links to the page, ' +
  'the source says where it comes from, and the text is what you think of it.';

const LINK_ITEMS: { file: string; title: string; url: string; source: string; comment: string }[] = [
  {
    file: '01-commonmark.md',
    title: 'CommonMark: a quick reference',
    url: 'https://commonmark.org/help/',
    source: 'CommonMark',
    comment:
      'The comment under each item is yours: a sentence or two on why the link is worth a reader’s ' +
      'time. It is Markdown, so *emphasis* works here too.',
  },
  {
    file: '02-mjml.md',
    title: 'MJML documentation',
    url: 'https://documentation.mjml.io/',
    source: 'MJML',
    comment:
      'The layouts of this newsletter are written in MJML. Its documentation is the place to look when ' +
      'you change them in the templates folder.',
  },
  {
    file: '03-rfc-8058.md',
    title: 'Signaling one-click functionality for list email headers',
    url: 'https://www.rfc-editor.org/rfc/rfc8058',
    source: 'RFC Editor',
    comment: 'The standard behind the quiet button that lets a reader leave a list in one step.',
  },
];

const linkItem = (item: (typeof LINK_ITEMS)[number], date: string) =>
  `---\ntitle: ${yaml(item.title)}\nurl: ${yaml(item.url)}\nsource: ${yaml(item.source)}\ndate: ${date}\n# author: "Who wrote it"\n---\n${item.comment}\n`;

/** The writer's first edition, written by `init`: a folder edition in the starter's shape. */
export function firstEdition(starter: StarterName, name: string, date: string): EditionFiles {
  if (starter === 'story')
    return {
      'edition.md': editionMd(
        `${name}: the first story`,
        'The first long read of a new newsletter.',
        date,
        STORY_NOTE,
      ),
      '01-story.md': LONG_READ(date),
    };
  if (starter === 'links')
    return {
      'edition.md': editionMd(
        `${name}: the first roundup`,
        'Three links to start with, and why they matter.',
        date,
        LINKS_NOTE,
      ),
      ...Object.fromEntries(LINK_ITEMS.map((item) => [item.file, linkItem(item, date)])),
    };
  return {
    'edition.md': editionMd(
      `${name}: the first edition`,
      'What this newsletter is about, and what comes next.',
      date,
      DIGEST_NOTE,
    ),
    '01-first-story.md': DIGEST_STORY(date),
  };
}

/** The first article of a new edition in the starter's shape: also a whole edition on its own (`new --single`). */
export const firstArticle = (starter: StarterName, date: string): string =>
  starter === 'story'
    ? LONG_READ(date)
    : starter === 'links'
      ? linkItem(LINK_ITEMS[0], date)
      : DIGEST_STORY(date);

/** A new folder edition, written by `new`: edition.md and a first article. */
export function newEdition(starter: StarterName, date: string): EditionFiles {
  const subject = { digest: 'A new edition', story: 'A new story', links: 'This week’s links' }[starter];
  const article = { digest: '01-first-story.md', story: '01-story.md', links: '01-first-link.md' }[starter];
  return {
    'edition.md': editionMd(subject, 'One line for the inbox, beside the subject.', date),
    [article]: firstArticle(starter, date),
  };
}
