// Client support from caniemail data (@jsx-email/doiuse-email). Raw, it reports hundreds of findings on
// any MJML output, most from MJML's own skeleton, which MJML backs with fallbacks on purpose. So each run
// compiles, once per distinct head, a baseline: the same <mjml> and <mj-head> with a body of empty MJML
// components (an empty mj-body alone would leave MJML's section and column CSS unsubtracted), and only
// the feature/client pairs the baseline does not already produce are reported. Hidden elements (the
// preheader) are left out: they stack hiding tricks precisely because each client honours a different one.
// Costs tens of milliseconds an edition and loads the data on first use: `check` only, never `build`.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadMjml } from '../render/mjml.js';
import { withoutHidden } from './html.js';
import { locate } from './locate.js';
import type { BuiltEdition } from './rule.js';

export const DEFAULT_CLIENTS = ['gmail.*', 'outlook.*', 'apple-mail.*', 'yahoo.*'];

const SKELETON = `<mj-body><mj-wrapper><mj-section><mj-column><mj-text></mj-text><mj-image src="https://example.invalid/i.png" alt="" />
<mj-button href="https://example.invalid/">b</mj-button><mj-divider /><mj-spacer /><mj-table></mj-table><mj-social></mj-social></mj-column>
<mj-column></mj-column></mj-section></mj-wrapper><mj-section><mj-group><mj-column></mj-column><mj-column></mj-column></mj-group></mj-section></mj-body>`;

type DoIUseEmail = typeof import('@jsx-email/doiuse-email').doIUseEmail;
let doIUseEmail: DoIUseEmail | undefined;
const baselines = new Map<string, Promise<Set<string>>>();

/** Throws with the library's message when a client name matches no client (a usage error). */
export async function validateClients(clients: string[]): Promise<void> {
  const { DoIUseEmail } = await import('@jsx-email/doiuse-email');
  new DoIUseEmail({ emailClients: clients });
}

export async function clientSupport(built: BuiltEdition, clients: string[] = DEFAULT_CLIENTS): Promise<Diagnostic[]> {
  doIUseEmail ??= (await import('@jsx-email/doiuse-email')).doIUseEmail;
  const baseline = await baselineFor(built.mjml, clients);
  const unsupported = new Map<string, string[]>();
  for (const [feature, client] of failures(withoutHidden(built.html, built.dom), clients)) {
    if (baseline.has(`${feature}\0${client}`)) continue;
    const list = unsupported.get(feature) ?? [];
    if (!list.includes(client)) list.push(client);
    unsupported.set(feature, list);
  }
  return [...unsupported].map(([feature, failing]) =>
    diag('CLIENT_UNSUPPORTED', 'warning', `${feature} is not supported by ${failing.join(', ')}`, locate(built, cssNeedle(feature)),
      'give it a fallback those clients understand, or avoid it; details at https://www.caniemail.com/'),
  );
}

/** [feature, client] for every "not supported" finding (partial support is MJML's daily bread: not reported). */
function failures(html: string, clients: string[]): [string, string][] {
  const result = doIUseEmail!(html, { emailClients: clients });
  const errors = result.success ? [] : result.errors;
  return errors.flatMap((message) => {
    const match = /^(.+) is not supported by `([^`]+)`$/.exec(message);
    return match ? [[match[1], match[2]] as [string, string]] : [];
  });
}

function baselineFor(mjml: string, clients: string[]): Promise<Set<string>> {
  const open = /<mjml\b[^>]*>/.exec(mjml)?.[0] ?? '<mjml>';
  const head = (/<mj-head>[\s\S]*<\/mj-head>/.exec(mjml)?.[0] ?? '').replace(/<mj-(title|preview)>[\s\S]*?<\/mj-\1>/g, '<mj-$1>baseline</mj-$1>'); // same skeleton, any subject
  const key = `${clients.join(',')}\0${open}\0${head}`;
  let baseline = baselines.get(key);
  if (!baseline) {
    baseline = (async () => {
      const { html } = await (await loadMjml())(`${open}${head}${SKELETON}</mjml>`, { validationLevel: 'skip', fonts: {}, ignoreIncludes: true });
      return new Set(failures(html, clients).map(([feature, client]) => `${feature}\0${client}`));
    })();
    baselines.set(key, baseline);
  }
  return baseline;
}

/** "`white-space`" -> "white-space:", to find the template that writes it; other features are not searchable. */
function cssNeedle(feature: string): string | undefined {
  const property = /^`([a-z-]+)(:[a-z-]+)?`$/.exec(feature);
  return property ? `${property[1]}:` : undefined;
}
