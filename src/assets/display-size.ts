// How wide an image is shown: its own width (halved for a 2x image, which is made for sharp retina screens),
// or the width the writer gave; never wider than the column.

/** The content column of the default layout: 600 px less 24 px of padding each side. */
export const COLUMN_WIDTH = 552;

export interface DisplaySize {
  width: number;
  height: number;
}

/** `chart@2x.png` is a 2x image; so is any image of an article whose front matter says `image_density: 2`. */
export function densityOf(ref: string, declared: unknown): number {
  const stem = ref.replace(/[?#].*$/, '').replace(/\.[^./]*$/, '');
  const fromName = /@([1-4])x$/i.exec(stem)?.[1];
  if (fromName) return Number(fromName);
  const value = Number(declared);
  return Number.isFinite(value) && value >= 1 && value <= 4 ? value : 1;
}

export function displaySize(
  natural: { width: number; height: number },
  density: number,
  written?: string,
): DisplaySize {
  const own = Math.max(1, Math.round(natural.width / density));
  const asked = /^\d+$/.test(written ?? '') ? Number(written) : undefined;
  // a width the writer gave is theirs to choose (up to the column); without one, the image's own
  const width = Math.max(1, Math.min(asked ?? own, COLUMN_WIDTH));
  return { width, height: Math.max(1, Math.round((width * natural.height) / natural.width)) };
}
