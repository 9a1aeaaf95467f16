import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);
/** Noto Sans SC from npm (never the system's); each document embeds a subset of the glyphs it uses. */
const files = {
  body: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;

export type CertificateFontName = keyof typeof files;

const parsed = new Map<CertificateFontName, Font>();

/**
 * The font parsed once per process, on first use. Reading and parsing two
 * 10 MB CJK fonts per document was most of a certificate's time; pdfkit
 * takes a parsed fontkit font as a font source, and fontkit's caches on it
 * (glyphs, layout) are read-only across documents, while the subset that
 * gets embedded stays per document.
 */
export function certificateFont(name: CertificateFontName): Font {
  const known = parsed.get(name);
  if (known) return known;
  const font = create(readFileSync(files[name]));
  if ('fonts' in font) throw new Error(`${files[name]} is a font collection, not one font`);
  parsed.set(name, font);
  return font;
}
