// CSS colours as inline styles and attributes write them: #rgb, #rrggbb(aa), rgb()/rgba() and the named
// colours email templates actually use. Anything else is "unknown" and the contrast rule skips it.
export type Rgb = [number, number, number];

const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  dimgray: '#696969',
  gainsboro: '#dcdcdc',
  whitesmoke: '#f5f5f5',
  red: '#ff0000',
  maroon: '#800000',
  orange: '#ffa500',
  yellow: '#ffff00',
  olive: '#808000',
  lime: '#00ff00',
  green: '#008000',
  aqua: '#00ffff',
  cyan: '#00ffff',
  teal: '#008080',
  blue: '#0000ff',
  navy: '#000080',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  purple: '#800080',
  pink: '#ffc0cb',
  brown: '#a52a2a',
};

export function parseColor(value: string | undefined): Rgb | undefined {
  if (!value) return undefined;
  const v = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(NAMED[v] ?? v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(v);
  if (rgb && (rgb[4] === undefined || rgb[4] === '1' || rgb[4] === '100%'))
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

/** The first colour in a `background` shorthand ("#fff url(x.png) no-repeat"). */
export const backgroundColor = (value: string | undefined): Rgb | undefined =>
  value
    ? value
        .split(/\s+(?![^(]*\))/)
        .map(parseColor)
        .find((c) => c !== undefined)
    : undefined;

export const toHex = (color: Rgb): string => `#${color.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
