/**
 * A ticket or code as a person reads it out: letters as they are, digits one
 * by one ("B012" → "B零一二", "B, zero, one, two" in English), with the digit
 * words and the joiner from the screen's language file.
 */
export function spokenNumber(label: string, digitWords: readonly string[], joiner: string): string {
  const parts = [...label].map((character) => (/\d/.test(character) ? digitWords[Number(character)]! : character));
  return parts.join(joiner);
}

/** The ten digit words from the language file: one character each (zh), or words apart by spaces (en). */
export function digitWordsOf(text: string): string[] {
  const words = text.includes(' ') ? text.split(' ') : [...text];
  if (words.length !== 10) throw new Error(`expected ten digit words, got ${words.length}`);
  return words;
}
