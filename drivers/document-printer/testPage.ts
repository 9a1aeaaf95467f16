import PDFDocument from 'pdfkit';

/** A one-page A4 PDF that setup prints to check the document printer. */
export function testPagePdf(terminalId: string, printedAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'OneWindow test page' } });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.fontSize(24).text('OneWindow document printer test page');
    document.moveDown().fontSize(14).text(`Terminal ${terminalId}`).text(`Printed ${printedAt.toISOString()}`);
    document.moveDown().rect(56, 200, 483, 300).stroke();
    document.end();
  });
}
