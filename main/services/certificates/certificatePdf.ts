import PDFDocument from 'pdfkit';
import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { IssuedCertificate } from '../../contract/citizenServices.js';
import { certificateFont } from './certificateFonts.js';
import { drawDemoSeal } from './demoSeal.js';
import { drawOutlined } from './outlinedText.js';
import { drawQrCode } from './qrDrawing.js';

type Template = CitizenCatalog['certificates'][number];

const margin = 56;

export interface CertificateLayout {
  /** The date of issue as the hall counts days (its time zone; see services/queue/hallDate), printed on the paper. */
  issuedOn: string;
  /** Elder mode: the body and the note in type about 1.4 times the usual size. */
  largePrint?: boolean;
}

/**
 * A certificate as an A4 PDF (pdfkit), from the hall's signed content and
 * the catalogue's template: title, holder (ID number masked), facts, the
 * table (or the template's word that there is nothing to list), note,
 * issuing authority and date under a drawn demo seal, verification code and
 * its QR code, and the use-limitation watermark with the date it runs out.
 * Made in memory: the document never touches the terminal's disk.
 */
export async function certificatePdf(issued: IssuedCertificate, template: Template, layout: CertificateLayout): Promise<Buffer> {
  const scale = layout.largePrint ? 1.4 : 1;
  const { content } = issued;
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    // The body font from the start: pdfkit's default, Helvetica, would have its metrics parsed anew for each document.
    font: certificateFont('body') as unknown as string,
    info: { Title: `${template.title['zh-CN']} ${content.code}`, Author: template.authority['zh-CN'], Subject: content.code },
  });
  // @types/pdfkit lists only file and byte sources; pdfkit 0.20 also takes a parsed fontkit font.
  doc.registerFont('body', certificateFont('body') as unknown as Buffer);
  doc.registerFont('bold', certificateFont('bold') as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - margin * 2;

  if (content.validUntil) watermark(doc, useLimitation(content.validUntil));
  doc
    .font('bold')
    .fontSize(22 * scale)
    .text(template.title['zh-CN'], { align: 'center' });
  doc.font('body').fontSize(11).fillColor('#4d5766').text(template.title.en, { align: 'center' }).fillColor('black');
  doc.moveDown(1.2);
  doc.font('body').fontSize(12 * scale);
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
      doc.font(font).fontSize(9 * scale);
      cells.forEach((cell, index) => doc.text(cell, margin + index * columnWidth, y, { width: columnWidth - 6 }));
      doc.x = margin;
      doc.y = y + 16 * scale;
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
  // One paragraph: the verifier allows the note, and only the note, between the body and the authority.
  const nothingListed =
    template.table && !content.table && template.emptyTable ? `${template.emptyTable['zh-CN']} ${template.emptyTable.en} ` : '';
  doc
    .font('body')
    .fontSize(10 * scale)
    .text(`${nothingListed}${template.note['zh-CN']} ${template.note.en}`, margin, doc.y, { width });
  doc.moveDown(1.5);
  const authorityTop = doc.y;
  doc.fontSize(12 * scale).text(`出具机构：${content.authority['zh-CN']}`, { align: 'right' });
  doc.fontSize(10 * scale).text(content.authority.en, { align: 'right' });
  doc.fontSize(12 * scale).text(`出具日期：${layout.issuedOn}`, { align: 'right' });
  drawDemoSeal(doc, certificateFont('bold'), content.authority['zh-CN'], margin + width - 90, (authorityTop + doc.y) / 2);

  const bottom = doc.page.height - margin - 120;
  drawQrCode(doc, content.verifyUrl, margin, bottom, 110);
  doc.fontSize(11).text(`验证码 Verification code：${content.code}`, margin + 125, bottom + 10, { width: width - 125 });
  doc
    .fontSize(9)
    .text(`扫码或访问以下网址核验真伪 Scan or visit to verify：${content.verifyUrl}`, margin + 125, bottom + 34, { width: width - 125 });
  doc
    .fontSize(7)
    .fillColor('#4d5766')
    .text(`Ed25519 ${issued.signature}`, margin + 125, bottom + 70, { width: width - 125 });
  // The limitation once more as plain text at the foot, where it can be read out and checked.
  if (content.validUntil) {
    // Below the bottom margin on purpose: without this pdfkit would start a second page for it.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9 * scale)
      .fillColor('black')
      .text(useLimitation(content.validUntil), margin, doc.page.height - margin + 4, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

const useLimitation = (validUntil: string) => `仅供办理政务服务事项时使用，有效期至 ${validUntil}`;

/** The use limitation across the page, diagonally, light enough to read the certificate through; in outlines, so it is no part of the text. */
function watermark(doc: InstanceType<typeof PDFDocument>, text: string): void {
  doc.save();
  doc.fillColor('#000000').opacity(0.08);
  for (const y of [230, 480, 730]) {
    doc.save();
    doc.rotate(-30, { origin: [doc.page.width / 2, y] });
    drawOutlined(doc, certificateFont('bold'), text, doc.page.width / 2, y, 22, true);
    doc.restore();
  }
  doc.restore();
}
