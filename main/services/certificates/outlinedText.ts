import type { Font } from 'fontkit';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Text drawn as filled glyph outlines rather than as text: it shows on paper,
 * but a reader of the page's text (pdftotext, the certificate verifier) never
 * finds it mixed into the certificate's own lines. For the seal and the
 * diagonal watermark, which lie across those lines. `x` is where the text
 * starts (or its middle, when centred); `baseline` the y of its baseline.
 */
export function drawOutlined(doc: Doc, font: Font, text: string, x: number, baseline: number, size: number, centred = false): void {
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  let pen = centred ? x - (run.advanceWidth * scale) / 2 : x;
  run.glyphs.forEach((glyph, index) => {
    doc.save();
    doc.translate(pen, baseline);
    // Font units grow upwards; the page's y grows downwards.
    doc.scale(scale, -scale);
    doc.path(glyph.path.toSVG()).fill();
    doc.restore();
    pen += run.positions[index]!.xAdvance * scale;
  });
}
