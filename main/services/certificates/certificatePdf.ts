import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { IssuedCertificate } from '../../contract/citizenServices.js';
import { certificateFont } from './certificateFonts.js';

type Template = CitizenCatalog['certificates'][number];

const margin = 56;

/**
 * A certificate as an A4 PDF (pdfkit), from the hall's signed content and
 * the catalogue's template: title, holder (ID number masked), facts, the
 * table, note, issuing authority and date, verification code and its QR code.
 * Made in memory: the document never touches the terminal's disk.
 */
export async function certificatePdf(issued: IssuedCertificate, template: Template): Promise<Buffer> {
  const { content } = issued;
  const qr = await QRCode.toBuffer(content.verifyUrl, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: { Title: `${template.title['zh-CN']} ${content.code}`, Author: template.authority['zh-CN'], Subject: content.code },
  });
  // @types/pdfkit lists only file and byte sources; pdfkit 0.20 also takes a parsed fontkit font.
  doc.registerFont('body', certificateFont('body') as unknown as Buffer);
  doc.registerFont('bold', certificateFont('bold') as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - margin * 2;

  doc.font('bold').fontSize(22).text(template.title['zh-CN'], { align: 'center' });
  doc.font('body').fontSize(11).fillColor('#4d5766').text(template.title.en, { align: 'center' }).fillColor('black');
  doc.moveDown(1.2);
  doc.font('body').fontSize(12);
  doc.text(`姓名 Name：${content.holder.name}`);
  doc.text(`证件号码 ID number：${content.holder.maskedIdNumber}`);
  doc.moveDown(0.6);
  for (const fact of content.facts) doc.text(`${fact.label['zh-CN']} ${fact.label.en}：${fact.value}`);

  if (content.table) {
    doc.moveDown(0.8);
    const columns = content.table.columns.length;
    const columnWidth = width / columns;
    const row = (cells: string[], font: 'body' | 'bold') => {
      const y = doc.y;
      doc.font(font).fontSize(9);
      cells.forEach((cell, index) => doc.text(cell, margin + index * columnWidth, y, { width: columnWidth - 6 }));
      doc.x = margin;
      doc.y = y + 16;
      doc
        .moveTo(margin, doc.y - 3)
        .lineTo(margin + width, doc.y - 3)
        .strokeColor('#bcccdc')
        .lineWidth(0.5)
        .stroke();
    };
    row(
      content.table.columns.map((column) => column['zh-CN']),
      'bold',
    );
    for (const cells of content.table.rows) row(cells, 'body');
  }

  doc.moveDown(1);
  doc.font('body').fontSize(10).text(`${template.note['zh-CN']} ${template.note.en}`, margin, doc.y, { width });
  doc.moveDown(1.5);
  doc.fontSize(12).text(`出具机构：${content.authority['zh-CN']}`, { align: 'right' });
  doc.fontSize(10).text(content.authority.en, { align: 'right' });
  doc.fontSize(12).text(`出具日期：${content.issuedAt.slice(0, 10)}`, { align: 'right' });

  const bottom = doc.page.height - margin - 120;
  doc.image(qr, margin, bottom, { width: 110 });
  doc.fontSize(11).text(`验证码 Verification code：${content.code}`, margin + 125, bottom + 10, { width: width - 125 });
  doc
    .fontSize(9)
    .text(`扫码或访问以下网址核验真伪 Scan or visit to verify：${content.verifyUrl}`, margin + 125, bottom + 34, { width: width - 125 });
  doc
    .fontSize(7)
    .fillColor('#4d5766')
    .text(`Ed25519 ${issued.signature}`, margin + 125, bottom + 70, { width: width - 125 });
  doc.end();
  return done;
}
