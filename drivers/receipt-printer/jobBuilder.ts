import iconv from 'iconv-lite';
import thermal from 'node-thermal-printer';
import { qrCodeCommands } from './qrCommand.js';

export type PrinterModel = 'epson' | 'star';

/** FS & : Chinese-character mode, so GB18030 bytes print as Chinese on Chinese ESC/POS printers. */
const chineseMode = Buffer.from([0x1c, 0x26]);

/**
 * Builds print jobs with node-thermal-printer (alignment, sizes, cut, for
 * EPSON or STAR), encoding text as GB18030 itself: the library's CHINA
 * character set is GB2312 only, which lacks characters of names and addresses.
 */
export class JobBuilder {
  readonly printer: InstanceType<typeof thermal.printer>;

  constructor(
    private readonly model: PrinterModel,
    width = 48,
  ) {
    // No interface (empty string): this object only builds jobs; the drivers here send them.
    this.printer = new thermal.printer({ type: model === 'star' ? thermal.types.STAR : thermal.types.EPSON, width, interface: '' });
    this.printer.add(chineseMode);
  }

  line(text: string): this {
    this.printer.add(Buffer.concat([iconv.encode(text, 'gb18030'), Buffer.from([0x0a])]));
    return this;
  }

  /** The ticket number's size: 4× on EPSON; STAR's line mode goes to 2× (quad area). */
  large(): this {
    if (this.model === 'star') this.printer.setTextQuadArea();
    else this.printer.setTextSize(3, 3);
    return this;
  }

  qr(content: string): this {
    // STAR line mode has its own QR commands, which the library builds; it counts
    // characters, so non-ASCII content is percent-encoded first.
    if (this.model === 'star') this.printer.printQR(/^[\x20-\x7e]*$/.test(content) ? content : encodeURI(content));
    else this.printer.add(qrCodeCommands(content));
    this.printer.newLine();
    return this;
  }

  finish(): Buffer {
    this.printer.cut();
    return Buffer.from(this.printer.getBuffer());
  }
}

export function formatTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
