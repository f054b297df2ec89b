// A peer for the benchmark: React Email in a fresh process, rendering every edition's HTML and plain text
// with its components and writing both files, as a project built on React Email would send them. The
// articles come ready (bench/baseline-editions.js: title, dek, link, image, body HTML), so this process
// lays out, renders and writes; it reads no Markdown. No JSX build step: React.createElement.
//
//   node bench/react-email-baseline.js <editions.json> <out-folder> <result.json>
//
// Writes <out-folder>/<slug>/index.html and index.txt for each edition, and in <result.json> the warm cost
// of an edition's render (HTML and text, not the writes): the mean over the editions after the first
// quarter (at most 100), which warm up the JIT.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement as h } from 'react';
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Row,
  Section,
  Text,
  render,
  toPlainText,
} from '@react-email/components';

const [input, outFolder, resultFile] = process.argv.slice(2);
const { name: named, url, editions } = JSON.parse(readFileSync(input, 'utf8'));
const name = named || 'this newsletter';
const home = url || 'https://fieldnotes.example.com';
const IMAGES = 'https://fieldnotes.example.com/images';

const muted = { color: '#6b7077' };
const text = { color: '#55595f', fontSize: '15px', lineHeight: '1.5' };

function Article({ article }) {
  return h(
    Section,
    { style: { backgroundColor: '#ffffff', padding: '24px 0' } },
    h(
      Row,
      null,
      h(
        Column,
        { style: { width: '130px', verticalAlign: 'top', textAlign: 'center' } },
        h(Img, {
          src: article.image || `${IMAGES}/article.png`,
          alt: article.imageAlt,
          width: 100,
          style: { margin: '0 auto' },
        }),
      ),
      h(
        Column,
        { style: { width: '350px', verticalAlign: 'top', padding: '0 24px 0 0' } },
        h(Heading, { as: 'h2', style: { ...muted, fontSize: '20px', margin: '0 0 6px' } }, article.title),
        article.dek ? h(Text, { style: { ...text, fontStyle: 'italic' } }, article.dek) : null,
        article.author ? h(Text, { style: text }, `By ${article.author}`) : null,
        h('div', { style: text, dangerouslySetInnerHTML: { __html: article.html } }),
        article.url
          ? h(
              Button,
              {
                href: article.url,
                style: {
                  backgroundColor: '#4a7fb5',
                  color: '#ffffff',
                  fontSize: '14px',
                  borderRadius: '3px',
                  padding: '10px 25px',
                  marginTop: '12px',
                },
              },
              'Read more',
            )
          : null,
      ),
    ),
  );
}

function Edition({ edition }) {
  const font = { fontFamily: 'Helvetica Neue, Helvetica, Arial, sans-serif' };
  return h(
    Html,
    { lang: 'en' },
    h(Head, null, h('title', null, edition.subject)),
    h(Preview, null, edition.preheader),
    h(
      Body,
      { style: { ...font, backgroundColor: '#e6ebef', margin: 0 } },
      h(
        Container,
        { style: { width: '600px', maxWidth: '600px' } },
        h(
          Section,
          { style: { backgroundColor: '#ffffff', padding: '20px 0 0', textAlign: 'center' } },
          h(
            Link,
            { href: home },
            h(Img, { src: `${IMAGES}/logo.png`, alt: name, width: 56, style: { margin: '0 auto' } }),
          ),
          h(Hr, { style: { borderColor: '#f2f4f6', margin: '20px 0 0' } }),
        ),
        h(
          Section,
          { style: { backgroundColor: '#fbfcfd', padding: '20px 0 0', textAlign: 'center' } },
          h(Heading, { as: 'h1', style: { ...muted, fontSize: '22px', fontWeight: 300 } }, edition.subject),
          edition.introHtml
            ? h('div', { style: text, dangerouslySetInnerHTML: { __html: edition.introHtml } })
            : null,
          h(Img, { src: `${IMAGES}/hero.png`, alt: '', width: 600, style: { width: '100%' } }),
          h(Hr, { style: { borderColor: '#f2f4f6', margin: '20px 0 0' } }),
        ),
        ...edition.articles.map((article, index) => h(Article, { key: index, article })),
        h(
          Section,
          { style: { backgroundColor: '#f2f4f6', padding: '20px 0', textAlign: 'center' } },
          h(Text, { style: text }, 'Stay in touch'),
          h(
            Row,
            { style: { width: 'auto' } },
            ...['x', 'facebook', 'linkedin'].map((network) =>
              h(
                Column,
                { key: network, style: { padding: '0 6px' } },
                h(
                  Link,
                  { href: `${home}/${network}` },
                  h(Img, { src: `${IMAGES}/${network}.png`, alt: network, width: 24 }),
                ),
              ),
            ),
          ),
        ),
        h(
          Section,
          { style: { padding: '16px 0 32px', textAlign: 'center' } },
          h(
            Text,
            { style: { fontSize: '12px', color: '#8a8f96' } },
            `You are receiving ${name} because you subscribed to it. `,
            h(Link, { href: `${home}/unsubscribe`, style: { color: '#8a8f96' } }, 'Unsubscribe'),
            ' · ',
            h(Link, { href: home, style: { color: '#8a8f96' } }, 'View in your browser'),
          ),
        ),
      ),
    ),
  );
}

const warmup = Math.min(100, Math.floor(editions.length / 4));
let warmMs = 0;
for (const [index, edition] of editions.entries()) {
  const started = performance.now();
  const html = await render(h(Edition, { edition }));
  const plain = toPlainText(html); // what render(…, { plainText: true }) returns, without rendering again
  if (index >= warmup) warmMs += performance.now() - started;
  const folder = join(outFolder, edition.slug);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), html);
  writeFileSync(join(folder, 'index.txt'), plain);
}
writeFileSync(
  resultFile,
  JSON.stringify({
    editions: editions.length,
    warmup,
    warmMsPerEdition: warmMs / (editions.length - warmup),
  }),
);
