import { Buffer } from 'node:buffer';

/**
 * ESC/POS commands that print `content` as a QR code (model 2, error
 * correction M). Built here rather than with node-thermal-printer's printQR,
 * which counts characters instead of bytes and so breaks on non-ASCII content.
 */
export function qrCodeCommands(content: string, moduleSize = 6): Buffer {
  const data = Buffer.from(content, 'utf8');
  const storeLength = data.length + 3;
  const gsK = (bytes: number[]) => Buffer.from([0x1d, 0x28, 0x6b, ...bytes]);
  return Buffer.concat([
    gsK([0x04, 0x00, 0x31, 0x41, 0x32, 0x00]),
    gsK([0x03, 0x00, 0x31, 0x43, Math.min(16, Math.max(1, moduleSize))]),
    gsK([0x03, 0x00, 0x31, 0x45, 0x31]),
    gsK([storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]),
    data,
    gsK([0x03, 0x00, 0x31, 0x51, 0x30]),
  ]);
}
