/** Text for an HTML page: the five characters that could end an element or attribute, escaped. */
export function htmlText(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Where the hall serves the bundled CJK font (from npm, never the system's): its pages render Chinese on any screen. */
export const fontPrefix = '/assets/noto-sans-sc/';

export const fontLinks = `<link rel="stylesheet" href="${fontPrefix}400.css"><link rel="stylesheet" href="${fontPrefix}700.css">`;
