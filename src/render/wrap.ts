// Word wrapping for the plain-text edition, on its own: the template helpers need it at every template
// compile, the HTML-to-text converter (and its libraries) only when an edition is rendered.
export const TEXT_WIDTH = 76;

/** Greedy word wrap for template fields (titles, deks, bios). Words longer than the width stay whole. */
export function wrap(text: string, width = TEXT_WIDTH, indent = ''): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}
