// A peer for the benchmark: an edition's articles poured into a layout shaped like MJML's own reference
// newsletter template (mjml.io's email templates, "newsletter"): a header with the logo over a thin rule,
// a hero line and image, one section per article with an image column beside the title, the text and a
// button, a "stay in touch" row of social icons, and a footer. Written for the benchmark, not taken from
// that template; plain MJML, no Handlebars, so that MJML alone compiles it (bench/mjml-baseline.js).
const IMAGES = 'https://fieldnotes.example.com/images';

const escapeText = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function articleSection(article) {
  const image = article.image || `${IMAGES}/article.png`;
  const button = article.url
    ? `
        <mj-button href="${escapeText(article.url)}" align="left" background-color="#4a7fb5" font-size="14px" padding-top="12px">Read more</mj-button>`
    : '';
  const dek = article.dek ? `<p><em>${escapeText(article.dek)}</em></p>\n` : '';
  const byline = article.author ? `<p>By ${escapeText(article.author)}</p>\n` : '';
  return `
    <mj-raw><!-- Article --></mj-raw>
    <mj-section background-color="#ffffff" padding-top="24px">
      <mj-column width="130px" vertical-align="top">
        <mj-image src="${escapeText(image)}" alt="${escapeText(article.imageAlt)}" width="100px" />
      </mj-column>
      <mj-column width="350px" vertical-align="top">
        <mj-text font-size="20px" color="#6b7077" padding-bottom="6px">${escapeText(article.title)}</mj-text>
        <mj-text>${dek}${byline}${article.html}</mj-text>${button}
      </mj-column>
    </mj-section>`;
}

/** The MJML document of one edition (`baseline-editions.js`'s shape) in the reference layout. */
export function referenceMjml(edition, { name, url }) {
  const newsletter = { name: name || 'this newsletter', url };
  const home = newsletter.url || 'https://fieldnotes.example.com';
  const intro = edition.introHtml
    ? `
        <mj-text align="center">${edition.introHtml}</mj-text>`
    : '';
  return `<mjml>
  <mj-head>
    <mj-title>${escapeText(edition.subject)}</mj-title>
    <mj-preview>${escapeText(edition.preheader)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica Neue, Helvetica, Arial, sans-serif" />
      <mj-text color="#55595f" font-size="15px" line-height="1.5" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#e6ebef">
    <mj-raw><!-- Header --></mj-raw>
    <mj-section background-color="#ffffff" padding-bottom="0px">
      <mj-column width="100%">
        <mj-image src="${IMAGES}/logo.png" alt="${escapeText(newsletter.name)}" href="${escapeText(home)}" width="56px" />
        <mj-divider border-width="1px" border-color="#f2f4f6" padding="20px 0 0" />
      </mj-column>
    </mj-section>
    <mj-raw><!-- Hero --></mj-raw>
    <mj-section background-color="#fbfcfd" padding-bottom="0px">
      <mj-column width="100%">
        <mj-text align="center" font-size="22px" font-weight="300" color="#6b7077">${escapeText(edition.subject)}</mj-text>${intro}
        <mj-image src="${IMAGES}/hero.png" alt="" padding-top="12px" />
        <mj-divider border-width="1px" border-color="#f2f4f6" padding="20px 0 0" />
      </mj-column>
    </mj-section>${edition.articles.map(articleSection).join('')}
    <mj-raw><!-- Social --></mj-raw>
    <mj-section background-color="#f2f4f6">
      <mj-column>
        <mj-text align="center">Stay in touch</mj-text>
        <mj-social mode="horizontal" font-size="13px" icon-size="24px">
          <mj-social-element name="twitter" href="${escapeText(home)}/x">X</mj-social-element>
          <mj-social-element name="facebook" href="${escapeText(home)}/facebook">Facebook</mj-social-element>
          <mj-social-element name="linkedin" href="${escapeText(home)}/linkedin">LinkedIn</mj-social-element>
        </mj-social>
      </mj-column>
    </mj-section>
    <mj-raw><!-- Footer --></mj-raw>
    <mj-section padding="16px 0 32px">
      <mj-column>
        <mj-text align="center" font-size="12px" color="#8a8f96">You are receiving ${escapeText(newsletter.name)} because you subscribed to it.<br /><a href="${escapeText(home)}/unsubscribe" style="color:#8a8f96">Unsubscribe</a> · <a href="${escapeText(home)}" style="color:#8a8f96">View in your browser</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}
