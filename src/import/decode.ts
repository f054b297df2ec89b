// Bytes of a fetched page or feed to text, in the encoding it declares: the Content-Type charset, else an
// XML declaration or a <meta charset> near the top, else UTF-8.
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const declared =
    /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head.replace(/^\uFEFF/, ''))?.[1] ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an encoding name TextDecoder does not know
  }
}
