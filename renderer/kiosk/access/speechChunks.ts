/** The host takes at most this many characters at a time (voice.synthesize). */
const chunkLength = 200;

/** Splits a prompt at sentence ends into pieces the host accepts, in order. */
export function speechChunks(text: string): string[] {
  const sentences = text.split(/(?<=[。！？；.!?;])\s*/).filter((sentence) => sentence.trim() !== '');
  const chunks: string[] = [];
  for (const sentence of sentences) {
    for (let start = 0; start < sentence.length; start += chunkLength) {
      const piece = sentence.slice(start, start + chunkLength);
      const last = chunks.at(-1);
      if (last !== undefined && last.length + piece.length <= chunkLength) chunks[chunks.length - 1] = last + piece;
      else chunks.push(piece);
    }
  }
  return chunks;
}
