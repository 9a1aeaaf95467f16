// Real-time status of an ESC/POS printer: DLE EOT n (10 04 n) answered by
// one byte each. DLE EOT rather than GS r: a printer at paper end goes
// offline and stops answering GS r, but still answers DLE EOT.

export interface PrinterStatus {
  offline: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
}

/** The three requests asked in order: printer status (1), offline cause (2), roll paper sensor (4). */
export const statusRequests = [1, 2, 4] as const;

export function statusRequest(n: (typeof statusRequests)[number]): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

/** Bits 1 and 4 are always set in a DLE EOT answer; a byte without them is not one. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** Reads the answers to DLE EOT 1, 2 and 4, in that order. */
export function parseStatusBytes(printer: number, offlineCause: number, paper: number): PrinterStatus {
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
  };
}

/** The byte a printer in `status` answers to DLE EOT n; for the simulator. */
export function statusByteFor(n: number, status: PrinterStatus): number {
  const fixed = 0x12;
  if (n === 1) return fixed | (status.offline || status.coverOpen || status.paperOut ? 0x08 : 0);
  if (n === 2) return fixed | (status.coverOpen ? 0x04 : 0) | (status.paperOut ? 0x20 : 0);
  if (n === 3) return fixed;
  if (n === 4) return fixed | (status.paperNearEnd || status.paperOut ? 0x0c : 0) | (status.paperOut ? 0x60 : 0);
  return fixed;
}
