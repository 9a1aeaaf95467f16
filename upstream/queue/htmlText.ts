/** Text for an HTML page: the five characters that could end an element or attribute, escaped. */
export function htmlText(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
