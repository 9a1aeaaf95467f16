/**
 * How a USB-HID device carries a byte stream in fixed-size reports. Readers
 * differ here (several wrap frames in a vendor packet), so each vendor gets a
 * small framing of its own; `lengthPrefixedFraming` is the common one: each
 * report is [count, count bytes of the stream, padding].
 */
export interface HidFraming {
  /** Reports to write for these stream bytes (without the report-ID byte). */
  toReports(bytes: Buffer): Buffer[];
  /** The stream bytes an input report carries; empty for a report that carries none. */
  fromReport(report: Buffer): Buffer;
}

export function lengthPrefixedFraming(reportSize = 64): HidFraming {
  const room = reportSize - 1;
  return {
    toReports(bytes) {
      const reports: Buffer[] = [];
      for (let offset = 0; offset < bytes.length; offset += room) {
        const piece = bytes.subarray(offset, offset + room);
        const report = Buffer.alloc(reportSize);
        report[0] = piece.length;
        piece.copy(report, 1);
        reports.push(report);
      }
      return reports;
    },
    fromReport(report) {
      const count = Math.min(report[0] ?? 0, report.length - 1, room);
      return Buffer.from(report.subarray(1, 1 + count));
    },
  };
}
