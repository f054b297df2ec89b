// src/library-internals.ts reaches into other libraries' private internals: Node's module loader, MJML's
// parser and juice's inner files through mjml-core's folder, nodemailer's MimeNode fields, its
// quoted-printable encoder and SMTPConnection's list of extensions. None of that is promised by the
// libraries, so an upgrade may change any of it without a word. Each test here checks one shape or
// behaviour the file relies on, against the installed version, and fails with a message naming the library,
// its version and what no longer holds, so whoever upgrades knows where to look.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import type MimeNode from 'nodemailer/lib/mime-node';
import * as qp from 'nodemailer/lib/qp';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildDoesMore,
  convertLodashFp,
  juiceParts,
  mjmlCoreRequire,
  offeredExtensions,
  outlookConditionalsMerger,
  quotedPrintable,
  requireLean,
  STAND_INS,
} from '../src/library-internals.js';
import { parseMjml } from '../src/render/fast/mjml-parts.js';
import { startTestServer, type TestServer } from './send/smtp-server.js';

const require = createRequire(import.meta.url);
const core = mjmlCoreRequire();
const fromJuice = createRequire(core.resolve('juice/lib/cheerio'));

/** "name@version" of the package that holds this file. */
function packageOf(file: string): string {
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name && json.version) return `${json.name}@${json.version}`;
    } catch {
      // no package.json at this level
    }
  }
  return `${file} (version unknown)`;
}

const LIBRARY = {
  node: `Node.js ${process.version}`,
  mjmlCore: packageOf(core.resolve('./index.js')),
  parser: packageOf(core.resolve('mjml-parser-xml')),
  juice: packageOf(core.resolve('juice/lib/cheerio')),
  cheerio: packageOf(fromJuice.resolve('cheerio/slim')),
  nodemailer: packageOf(require.resolve('nodemailer')),
};

/** Fails, loudly, with the library and version, when an assumption no longer holds. */
function holds(library: string, assumption: string, ok: boolean): void {
  expect(ok, `${library}: ${assumption} no longer holds; src/library-internals.ts relies on it`).toBe(true);
}

describe("Node's module loader", () => {
  const Module = require('node:module') as { _load: unknown };

  it('has Module._load(request, parent, isMain), and requireLean puts it back', () => {
    holds(
      LIBRARY.node,
      'Module._load is a function of (request, parent, isMain)',
      typeof Module._load === 'function',
    );
    const before = Module._load;
    let during: unknown;
    requireLean(() => (during = Module._load));
    holds(LIBRARY.node, 'Module._load can be replaced while requiring', during !== before);
    expect(Module._load).toBe(before);
  });

  it("passes the requiring file as parent.filename: juice's require of cheerio gets cheerio/slim", () => {
    const viaLean = requireLean(() => fromJuice('cheerio'));
    holds(
      LIBRARY.node,
      'require() goes through Module._load with the parent module',
      viaLean === fromJuice('cheerio/slim'),
    );
  });

  it('finds each request it stands in for in the file that makes it', () => {
    const files: Record<string, string> = {
      [String(STAND_INS[0]!.from)]: core.resolve('./index.js'),
      [String(/[\\/]juice[\\/]index\.js$/)]: core.resolve('juice'),
      [String(/[\\/]juice[\\/]lib[\\/]cheerio\.js$/)]: core.resolve('juice/lib/cheerio'),
      [String(/[\\/]mjml-parser-xml[\\/]lib[\\/]index\.js$/)]: core.resolve('mjml-parser-xml'),
    };
    for (const standIn of STAND_INS) {
      const file = files[String(standIn.from)]!;
      expect(file).toMatch(standIn.from);
      const source = readFileSync(file, 'utf8');
      holds(
        packageOf(file),
        `${file.slice(file.lastIndexOf('node_modules'))} requires "${standIn.request}"`,
        source.includes(`require("${standIn.request}")`) || source.includes(`require('${standIn.request}')`),
      );
    }
  });
});

describe("lodash's fp converter, for MJML's parser", () => {
  const fromParser = createRequire(core.resolve('mjml-parser-xml'));
  const lodashLibrary = packageOf(fromParser.resolve('lodash'));
  const standIn = STAND_INS.find((s) => s.request === 'lodash/fp')!;

  it('converts each method the parser calls as lodash/fp does, and the parser calls no other', () => {
    const fp = fromParser('lodash/fp') as Record<string, (...args: unknown[]) => unknown>;
    const converted = convertLodashFp(standIn.convert!, fromParser);
    const flow = converted.get('flow') as typeof fp.flow;
    const filter = converted.get('filter') as typeof fp.filter;
    const map = converted.get('map') as typeof fp.map;
    // the parser's own uses: ending tags from its components (an object), then its preprocessors, or none
    const components = {
      'mj-text': { endingTag: true, getTagName: () => 'mj-text' },
      'mj-section': { endingTag: false, getTagName: () => 'mj-section' },
      'mj-raw': { endingTag: true, getTagName: () => 'mj-raw' },
    };
    type Component = (typeof components)['mj-text'];
    const endingTags = (f: typeof fp) =>
      f.flow!(
        f.filter!((c: Component) => c.endingTag),
        f.map!((c: Component) => c.getTagName()),
      )({ ...components });
    const ours = { flow, filter, map } as typeof fp;
    holds(
      lodashLibrary,
      'fp.filter then fp.map over an object give what lodash/fp gives',
      JSON.stringify(endingTags(ours)) === JSON.stringify(endingTags(fp)) &&
        JSON.stringify(endingTags(ours)) === '["mj-text","mj-raw"]',
    );
    const steps = [(x: string) => `${x}1`, (x: string) => `${x}2`];
    holds(
      lodashLibrary,
      'fp.flow of a list of functions, or of none, gives what lodash/fp gives',
      flow(steps)('x') === fp.flow!(steps)('x') &&
        flow([])('<mjml/>') === fp.flow!([])('<mjml/>') &&
        flow([])('<mjml/>') === '<mjml/>',
    );
    holds(
      lodashLibrary,
      'partial application: fp.map with its iteratee alone waits for the collection',
      JSON.stringify((map((n: number) => n * 2) as (c: number[]) => number[])([1, 2])) === '[2,4]',
    );
    // the parser calls nothing else of lodash/fp: any other method would load lodash/fp whole, slowly
    const source = readFileSync(core.resolve('mjml-parser-xml'), 'utf8');
    const used = [...new Set([...source.matchAll(/_fp\.(\w+)/g)].map((m) => m[1]))].sort();
    holds(
      LIBRARY.parser,
      `it calls lodash/fp's ${standIn.convert!.join(', ')} alone`,
      JSON.stringify(used) === JSON.stringify([...standIn.convert!].sort()),
    );
  });

  it("the parser, required lean, does not load lodash/fp's second copy of lodash", () => {
    const lodashMin = fromParser.resolve('lodash/lodash.min.js');
    // loaded afresh: lodash/fp may have been loaded already, by MJML itself (mj-section requires it)
    for (const file of [core.resolve('mjml-parser-xml'), fromParser.resolve('lodash/fp'), lodashMin])
      delete require.cache[file];
    const parse = requireLean(() => core('mjml-parser-xml')) as (
      xml: string,
      options: object,
    ) => { tagName: string };
    expect(parse('<mjml><mj-body></mj-body></mjml>', {}).tagName).toBe('mjml');
    expect(lodashMin in require.cache).toBe(false);
  });
});

describe("MJML's pieces, from mjml-core's folder", () => {
  it("mjml-parser-xml reads a document into MJML's JSON form, ending tags' content as raw text, with lines", () => {
    const tree = parseMjml('<mjml>\n<mj-body>\n<mj-text>Hi <b>there</b></mj-text>\n</mj-body>\n</mjml>');
    const body = tree.children?.[0];
    const text = body?.children?.[0];
    holds(LIBRARY.parser, 'the root is { tagName: "mjml", children }', tree.tagName === 'mjml');
    holds(LIBRARY.parser, 'mj-body is a child of the root', body?.tagName === 'mj-body');
    holds(LIBRARY.parser, "an ending tag's content is its raw text", text?.content === 'Hi <b>there</b>');
    holds(LIBRARY.parser, 'each node carries its line', text?.line === 3);
  });

  it("mjml-core's mergeOutlookConditionnals merges adjacent Outlook conditional comments", () => {
    const merge = outlookConditionalsMerger();
    holds(
      LIBRARY.mjmlCore,
      'lib/helpers/mergeOutlookConditionnals merges <![endif]--> <!--[if mso | IE]>',
      merge('<!--[if mso | IE]><table><![endif]-->\n<!--[if mso | IE]><tr><![endif]-->') ===
        '<!--[if mso | IE]><table><tr><![endif]-->',
    );
  });

  it("juice's lib/cheerio, client and lib/utils, and cheerio's selector parser, behave as inline-css.ts uses them", () => {
    const juice = juiceParts();
    const css = '.a { color: red; }';
    const options = juice.utils.getDefaultOptions({
      applyStyleTags: false,
      insertPreservedExtraCss: false,
      removeStyleTags: false,
      extraCss: css,
    });
    const html = juice.load(
      '<p class="a">x</p>',
      { xmlMode: undefined },
      ($) => {
        juice.client.inlineDocument($, `\n${css}`, options);
        return $;
      },
      [css],
    );
    holds(
      LIBRARY.juice,
      'lib/cheerio load() with client.inlineDocument() inlines the CSS',
      html === '<p class="a" style="color: red;">x</p>',
    );
    holds(LIBRARY.juice, 'client.ignoredPseudos lists :hover', juice.client.ignoredPseudos.includes('hover'));
    holds(
      LIBRARY.juice,
      'utils.parseCSS() gives [selector, rules] pairs',
      juice.utils.parseCSS(css)[0]?.[0] === '.a',
    );
    const parsed = Array.from(new juice.utils.Selector('a:hover').parsed());
    holds(
      LIBRARY.juice,
      'utils.Selector(...).parsed() lists pseudo-classes by name',
      parsed.some((part) => part.pseudos?.some((p) => p.name === 'hover')),
    );

    const $ = juice.cheerio.load('<p title="t">x</p>', {
      xml: { decodeEntities: false, xmlMode: undefined },
    });
    const nodes = $.root()[0].children ?? [];
    holds(
      LIBRARY.cheerio,
      'cheerio/slim load() gives domhandler nodes with name and attribs',
      nodes[0]?.name === 'p' && nodes[0]?.attribs?.title === 't',
    );
    holds(LIBRARY.cheerio, '$.html(nodes) writes those nodes out', $.html(nodes) === '<p title="t">x</p>');
    const tokens = juice.parseSelector('div > p[title]');
    holds(
      packageOf(
        createRequire(createRequire(fromJuice.resolve('cheerio/slim')).resolve('cheerio-select')).resolve(
          'css-what',
        ),
      ),
      'parse() gives one token list per selector: tag, child, tag, attribute',
      JSON.stringify(tokens[0]?.map((t) => [t.type, t.name ?? null])) ===
        JSON.stringify([
          ['tag', 'div'],
          ['child', null],
          ['tag', 'p'],
          ['attribute', 'title'],
        ]),
    );
  });
});

describe("nodemailer's internals", () => {
  const compile = (options: object): MimeNode => {
    const node = new MailComposer(options as ConstructorParameters<typeof MailComposer>[0]).compile();
    node.keepBcc = false;
    return node;
  };
  const message = { from: 'a@example.org', subject: 'Hi', text: 'Hello, “world”  ', html: '<p>Hello</p>' };

  it('MimeNode keeps _raw, _transforms, _processFuncs and newline where build() reads them', () => {
    const node = compile(message);
    const fields = node as unknown as Record<string, unknown>;
    holds(LIBRARY.nodemailer, 'a compiled MimeNode has _raw === false', fields._raw === false);
    holds(
      LIBRARY.nodemailer,
      'a compiled MimeNode has _transforms: []',
      Array.isArray(fields._transforms) && (fields._transforms as unknown[]).length === 0,
    );
    holds(
      LIBRARY.nodemailer,
      'a compiled MimeNode has _processFuncs: []',
      Array.isArray(fields._processFuncs) && (fields._processFuncs as unknown[]).length === 0,
    );
    expect(buildDoesMore(node, true)).toBe(false);
    holds(
      LIBRARY.nodemailer,
      'setRaw() sets _raw',
      buildDoesMore(compile({ raw: 'Subject: x\r\n\r\nx\r\n' }), true),
    );
    holds(
      LIBRARY.nodemailer,
      'the newline option sets newline',
      buildDoesMore(compile({ ...message, newline: 'unix' }), true),
    );
    const transformed = compile(message);
    transformed.transform(new (require('node:stream').PassThrough)());
    holds(LIBRARY.nodemailer, 'transform() adds to _transforms', buildDoesMore(transformed, true));
    const processed = compile(message);
    processed.processFunc((input) => input);
    holds(LIBRARY.nodemailer, 'processFunc() adds to _processFuncs', buildDoesMore(processed, true));
  });

  it('lib/qp encodes as its Encoder stream does, trailing whitespace included', async () => {
    const through = async (content: string) => {
      const chunks: Buffer[] = [];
      const sink = new Writable({ write: (chunk: Buffer, _, done) => (chunks.push(chunk), done()) });
      const encoder = new qp.Encoder();
      encoder.end(Buffer.from(content));
      await pipeline(encoder, sink);
      return Buffer.concat(chunks).toString('latin1');
    };
    for (const content of [
      'plain',
      'ends with spaces   ',
      'ends with a tab\t',
      `${'é'.repeat(60)} \t `,
      `${'word '.repeat(40)}\r\nnext line = two  `,
    ])
      holds(
        LIBRARY.nodemailer,
        `qp.encode() and qp.wrap() give what qp.Encoder gives for ${JSON.stringify(content.slice(0, 20))}`,
        quotedPrintable(content) === (await through(content)),
      );
  });

  describe('SMTPConnection', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    const extensionsOf = async (hideSMTPUTF8: boolean) => {
      server = await startTestServer({ hideSMTPUTF8 });
      const connection = new SMTPConnection({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
      await new Promise<void>((resolve, reject) => {
        connection.once('error', reject);
        connection.connect(() => resolve());
      });
      const offered = offeredExtensions(connection);
      connection.quit();
      return offered;
    };

    it("keeps the server's EHLO extensions in _supportedExtensions", async () => {
      const offered = await extensionsOf(false);
      holds(
        LIBRARY.nodemailer,
        '_supportedExtensions lists SMTPUTF8 when the server offers it',
        Array.isArray(offered) && offered.includes('SMTPUTF8'),
      );
      const hidden = await extensionsOf(true);
      holds(
        LIBRARY.nodemailer,
        '_supportedExtensions leaves SMTPUTF8 out when the server does not offer it',
        Array.isArray(hidden) && !hidden.includes('SMTPUTF8'),
      );
    });
  });
});
