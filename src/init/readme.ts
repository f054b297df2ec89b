// The short README `init` writes for the writer: the loop from a first draft to a test send, nothing more.
import type { InitAnswers } from './answers.js';

export function writerReadme(answers: InitAnswers, firstSlug: string): string {
  const missing = [
    answers.from ? '' : '`from`',
    answers.url ? '' : '`url`',
    answers.unsubscribeUrl ? '' : '`unsubscribeUrl`',
    answers.postalAddress ? '' : '`postalAddress`',
  ].filter(Boolean);
  return `# ${answers.name}

A newsletter made with the \`newsletter\` command: Markdown in \`content/\`,
layouts in \`templates/\` (from the \`${answers.starter}\` starter), settings in \`newsletter.config.json\`.
${missing.length ? `\nBefore the first send, add ${missing.join(', ')} to \`newsletter.config.json\`.\n` : ''}
## Writing an edition

\`\`\`sh
npx newsletter preview            # live preview at http://127.0.0.1:4000/ while you write
npx newsletter new my-next-issue  # a new edition in content/my-next-issue/
npx newsletter check --strict     # size, links, images, accessibility: what to fix before sending
npx newsletter build              # out/<edition>/index.html, index.txt, message.eml
npx newsletter send ${firstSlug} --to you@your-domain.org
\`\`\`

Each edition is a folder in \`content/\`: \`edition.md\` holds the subject, the preheader, the date and an
optional note; every other \`.md\` or \`.txt\` file is an article, in the order of its name. The first
edition, \`content/${firstSlug}/\`, shows each field in place.

\`out/\` is what \`build\` writes: publish it as a static site (each edition, an archive page and a feed).
SMTP settings for \`send\` go in the environment or a \`.env\` file, never in the config.
`;
}
