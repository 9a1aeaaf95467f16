import type { Font, PathCommand } from 'fontkit';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

interface OutlinedRun {
  advanceWidth: number;
  /** Each glyph's outline as PDF path operators in font units, and the pen's advance after it. */
  glyphs: { operators: string; xAdvance: number }[];
}

/** Texts laid out and outlined, per font: the same few (the authority, the watermark of the day) are drawn on every certificate. */
const outlined = new WeakMap<Font, Map<string, OutlinedRun>>();
/** Enough for a day's texts; the watermark's date makes a new one each day. */
const keptTexts = 32;

/**
 * Text drawn as filled glyph outlines rather than as text: it shows on paper,
 * but a reader of the page's text (pdftotext, the certificate verifier) never
 * finds it mixed into the certificate's own lines. For the seal and the
 * diagonal watermark, which lie across those lines. `x` is where the text
 * starts (or its middle, when centred); `baseline` the y of its baseline.
 */
export function drawOutlined(doc: Doc, font: Font, text: string, x: number, baseline: number, size: number, centred = false): void {
  const run = outlinedRun(font, text);
  const scale = size / font.unitsPerEm;
  let pen = centred ? x - (run.advanceWidth * scale) / 2 : x;
  for (const glyph of run.glyphs) {
    doc.save();
    doc.translate(pen, baseline);
    // Font units grow upwards; the page's y grows downwards.
    doc.scale(scale, -scale);
    if (glyph.operators) doc.addContent(`${glyph.operators} f`);
    doc.restore();
    pen += glyph.xAdvance * scale;
  }
}

function outlinedRun(font: Font, text: string): OutlinedRun {
  let runs = outlined.get(font);
  if (!runs) outlined.set(font, (runs = new Map()));
  const known = runs.get(text);
  if (known) return known;
  const layout = font.layout(text);
  const run: OutlinedRun = {
    advanceWidth: layout.advanceWidth,
    glyphs: layout.glyphs.map((glyph, index) => ({
      operators: pathOperators(glyph.path.commands),
      xAdvance: layout.positions[index]!.xAdvance,
    })),
  };
  if (runs.size >= keptTexts) runs.delete(runs.keys().next().value!);
  runs.set(text, run);
  return run;
}

/** A glyph's path as PDF operators; TrueType's quadratic curves raised to the cubic ones PDF draws, exactly. */
function pathOperators(commands: readonly PathCommand[]): string {
  const operators: string[] = [];
  let [penX, penY] = [0, 0];
  const point = (px: number, py: number) => `${round(px)} ${round(py)}`;
  for (const { command, args } of commands) {
    if (command === 'moveTo' || command === 'lineTo') {
      [penX, penY] = [args[0]!, args[1]!];
      operators.push(`${point(penX, penY)} ${command === 'moveTo' ? 'm' : 'l'}`);
    } else if (command === 'quadraticCurveTo') {
      const [qx, qy, endX, endY] = args as [number, number, number, number];
      const first = point(penX + (2 / 3) * (qx - penX), penY + (2 / 3) * (qy - penY));
      const second = point(endX + (2 / 3) * (qx - endX), endY + (2 / 3) * (qy - endY));
      operators.push(`${first} ${second} ${point(endX, endY)} c`);
      [penX, penY] = [endX, endY];
    } else if (command === 'bezierCurveTo') {
      const [x1, y1, x2, y2, endX, endY] = args as [number, number, number, number, number, number];
      operators.push(`${point(x1, y1)} ${point(x2, y2)} ${point(endX, endY)} c`);
      [penX, penY] = [endX, endY];
    } else operators.push('h');
  }
  return operators.join(' ');
}

const round = (value: number) => Math.round(value * 100) / 100;
