import type PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * A QR code drawn as vector squares, `size` points wide with a quiet zone of
 * one module: sharp at any printer's resolution, and made in a fraction of the
 * time a PNG takes to encode, embed and compress. Each row's dark runs are one
 * rectangle each.
 */
export function drawQrCode(doc: InstanceType<typeof PDFDocument>, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 1;
  const cell = size / (modules.size + 2 * quiet);
  doc.save();
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size;) {
      if (!modules.data[row * modules.size + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.data[row * modules.size + column]) column += 1;
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (column - start) * cell, cell);
    }
  }
  doc.fill('black');
  doc.restore();
}
