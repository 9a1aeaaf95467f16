import type { Font } from 'fontkit';
import type PDFDocument from 'pdfkit';
import { drawOutlined } from './outlinedText.js';

type Doc = InstanceType<typeof PDFDocument>;

const red = '#c8161d';

/**
 * A drawn electronic-seal look-alike of the issuing authority: a red ring,
 * the authority's name around its top, a star, and "演示专用章 DEMO" across
 * it, so nobody can take it for a real seal. Drawn in outlines (see
 * drawOutlined), over the issuing authority and date as a stamp would be.
 */
export function drawDemoSeal(doc: Doc, font: Font, authority: string, centreX: number, centreY: number, radius = 62): void {
  doc.save();
  doc.opacity(0.85).fillColor(red).strokeColor(red);
  doc.lineWidth(3).circle(centreX, centreY, radius).stroke();
  doc
    .lineWidth(1)
    .circle(centreX, centreY, radius - 6)
    .stroke();
  star(doc, centreX, centreY - 6, radius * 0.3);

  // The name along the upper arc, each character turned to face the centre.
  const characters = [...authority];
  const sweep = Math.min(250, characters.length * 24);
  const size = Math.min(14, ((radius - 10) * 2 * Math.PI * (sweep / 360)) / characters.length);
  const along = radius - 10 - size / 2;
  characters.forEach((character, index) => {
    const angle = -90 - sweep / 2 + (sweep / Math.max(1, characters.length - 1)) * index;
    const radians = (angle * Math.PI) / 180;
    const x = centreX + along * Math.cos(radians);
    const y = centreY + along * Math.sin(radians);
    doc.save();
    doc.rotate(angle + 90, { origin: [x, y] });
    drawOutlined(doc, font, character, x, y + size * 0.38, size, true);
    doc.restore();
  });
  drawOutlined(doc, font, '演示专用章', centreX, centreY + radius * 0.5, 11, true);
  drawOutlined(doc, font, 'DEMO', centreX, centreY + radius * 0.5 + 13, 10, true);
  doc.restore();
}

function star(doc: Doc, x: number, y: number, outer: number): void {
  const inner = outer * 0.4;
  const points: [number, number][] = [];
  for (let index = 0; index < 10; index += 1) {
    const r = index % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    points.push([x + r * Math.cos(angle), y + r * Math.sin(angle)]);
  }
  doc.polygon(...points).fill();
}
