// Mustachio, the template language of Postmark, reduced to what exports use, following its source
// (github.com/ActiveCampaign/mustachio, commit fd7f014, Mustachio/Tokenizer.cs, Parser.cs, ContextObject.cs)
// and Postmark's "Template syntax" article (postmarkapp.com/support/article/1077-template-syntax). The rules:
//   1. Tags are `{{…}}` and `{{{…}}}` holding no brace (Tokenizer's _tokenFinder); anything else is text.
//   2. `{{#name}}…{{/name}}` renders its inside when the value "exists" (not null, false, 0, "" or an empty
//      collection: ContextObject.Exists), with that value as the new scope. `{{^name}}…{{/name}}` renders
//      when it does not.
//   3. A name is looked up in the current scope only: inside {{#first_name}}, `first_name` is looked up in
//      the first name's own value and prints nothing (unlike Mustache, no search of outer scopes;
//      ContextObject.GetContextForPath). `.` is the current scope's value, `../` steps to the outer scope.
//   4. `{{name}}` prints the value HTML-encoded (.NET's HttpUtility.HtmlEncode: & < > " ' and the Latin-1
//      letters as numeric references); `{{{name}}}` and `{{& name}}` print it as it is; `{{! …}}` is dropped.
//   5. Postmark's own `{{{ pm:unsubscribe }}}` becomes the subscriber's unsubscribe link (an extension of
//      Postmark's, not of the open-source parser, which rejects the colon).
type Value = string | number | boolean | null | undefined | { [key: string]: Value } | Value[];

interface Scope {
  value: Value;
  parent?: Scope;
}

const TOKEN = /(\{\{\{[^{}]+?\}\}\})|(\{\{[^{}]+?\}\})/g;

export function renderMustachio(
  template: string,
  model: { [key: string]: Value },
  unsubscribe: string,
): string {
  const tokens: string[] = [];
  let copied = 0;
  for (const m of template.matchAll(TOKEN)) {
    if (m.index > copied) tokens.push(template.slice(copied, m.index));
    tokens.push(m[0]);
    copied = m.index + m[0].length;
  }
  if (copied < template.length) tokens.push(template.slice(copied));
  let at = 0;
  const render = (scope: Scope, closing?: string): string => {
    let out = '';
    while (at < tokens.length) {
      const token = tokens[at++]!;
      if (!token.startsWith('{{')) {
        out += token;
        continue;
      }
      const inner = token.replace(/^\{+|\}+$/g, '');
      const name = inner.replace(/^[#^/&!]/, '').trim();
      if (inner.startsWith('/')) {
        if (name !== closing) throw new Error(`mismatched {{/${name}}}`);
        return out;
      }
      if (inner.startsWith('!')) continue;
      if (inner.startsWith('#') || inner.startsWith('^')) {
        const found = lookUp(scope, name);
        const inside = render(found, name);
        if (exists(found.value) === inner.startsWith('#')) out += inside;
        continue;
      }
      if (name === 'pm:unsubscribe') {
        out += unsubscribe;
        continue;
      }
      const value = lookUp(scope, name).value;
      if (value === null || value === undefined || typeof value === 'object') continue;
      out += token.startsWith('{{{') || inner.startsWith('&') ? String(value) : htmlEncode(String(value));
    }
    if (closing) throw new Error(`{{#${closing}}} is not closed`);
    return out;
  };
  return render({ value: model });
}

/** ContextObject.GetContextForPath: "../" steps out, each other dotted part steps into a property. */
function lookUp(scope: Scope, path: string): Scope {
  let current = scope;
  for (const part of path.match(/\.\.[\\/]|[^.]+/g) ?? []) {
    if (part.startsWith('..')) current = current.parent ?? current;
    else {
      const value =
        current.value && typeof current.value === 'object' && !Array.isArray(current.value)
          ? current.value[part]
          : undefined;
      current = { value, parent: current };
    }
  }
  return current;
}

function exists(value: Value): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function htmlEncode(text: string): string {
  return text.replace(/[&<>"'\u00a0-\u00ff]/g, (c) =>
    c === '&'
      ? '&amp;'
      : c === '<'
        ? '&lt;'
        : c === '>'
          ? '&gt;'
          : c === '"'
            ? '&quot;'
            : `&#${c.charCodeAt(0)};`,
  );
}
