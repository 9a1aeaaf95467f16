import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';
import type { IssuedCertificate } from '../../main/contract/citizenServices.js';
import { certificatePdf } from '../../main/services/certificates/certificatePdf.js';
import { chromiumPath } from '../../playwright.config.js';
import { sampleCertificate } from './certificateSample.js';
import { medianMs } from './measure.js';

const fontCss = pathToFileURL(
  path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css')), '400.css'),
).href;
const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The same certificate as an HTML page, as a team printing through Chromium would lay it out. */
async function certificateHtml(issued: IssuedCertificate, title: string): Promise<string> {
  const { content } = issued;
  const qr = await QRCode.toDataURL(content.verifyUrl, { margin: 1, width: 220 });
  const facts = content.facts
    .map((fact) => `<p>${escape(fact.label['zh-CN'])} ${escape(fact.label.en)}：${escape(fact.value)}</p>`)
    .join('');
  const table = content.table
    ? `<table><tr>${content.table.columns.map((column) => `<th>${escape(column['zh-CN'])}</th>`).join('')}</tr>${content.table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</table>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="${fontCss}">
<style>@page{size:A4;margin:20mm}body{font-family:'Noto Sans SC';font-size:12pt}h1{text-align:center}table{width:100%;border-collapse:collapse;font-size:9pt}td,th{border-bottom:1px solid #bcccdc;text-align:left}</style></head>
<body><h1>${escape(title)}</h1><p>姓名 Name：${escape(content.holder.name)}</p><p>证件号码 ID number：${escape(content.holder.maskedIdNumber)}</p>${facts}${table}
<p style="text-align:right">出具机构：${escape(content.authority['zh-CN'])}<br>出具日期：${content.issuedAt.slice(0, 10)}</p>
<img src="${qr}" width="110"><p>验证码 Verification code：${content.code}<br>${escape(content.verifyUrl)}</p></body></html>`;
}

/**
 * A certificate rendered with pdfkit (what the kiosk does) against the same
 * certificate as HTML printed by Chromium (Playwright page.pdf), in one run:
 * median time per document and file size, as ratios.
 */
export async function benchCertificateRender(): Promise<void> {
  const catalog = await readCitizenCatalog();
  const type = 'social-insurance-payment';
  const template = catalog.certificates.find((certificate) => certificate.type === type)!;
  const issued = await sampleCertificate(catalog, type);
  let pdfkitBytes = 0;
  const pdfkitMs = await medianMs(
    20,
    async () => (pdfkitBytes = (await certificatePdf(issued, template, { issuedOn: issued.content.issuedAt.slice(0, 10) })).length),
  );

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--allow-file-access-from-files'],
  });
  const page = await browser.newPage();
  // A file page, so the font files (file: URLs) load as they would from the app's own folder.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
  const htmlFile = path.join(dir, 'certificate.html');
  await writeFile(htmlFile, await certificateHtml(issued, template.title['zh-CN']));
  let chromiumBytes = 0;
  let chromiumPdf: Buffer = Buffer.alloc(0);
  const chromiumMs = await medianMs(20, async () => {
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    chromiumPdf = await page.pdf({ format: 'A4', printBackground: true });
    chromiumBytes = chromiumPdf.length;
  });
  await browser.close();
  await rm(dir, { recursive: true, force: true });
  // A fair race only if Chromium drew the Chinese in the same font (else it would be timing missing glyphs).
  if (!chromiumPdf.includes('NotoSansSC'))
    throw new Error('Chromium did not embed Noto Sans SC: the comparison would not be like for like');
  console.log(
    `certificate PDF: pdfkit ${pdfkitMs.toFixed(1)} ms, ${(pdfkitBytes / 1024).toFixed(1)} KiB vs Chromium page.pdf ${chromiumMs.toFixed(1)} ms, ${(chromiumBytes / 1024).toFixed(1)} KiB = ${(pdfkitMs / chromiumMs).toFixed(2)}× the time, ${(pdfkitBytes / chromiumBytes).toFixed(2)}× the size`,
  );
}
