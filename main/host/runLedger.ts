import path from 'node:path';
import { HelperLedger } from '../../lib/helperLedger.js';
import type { Logger } from '../../lib/logger.js';

/** The file, beside the terminal's database, where a run records the helpers it started (see HelperLedger). */
export function runLedgerFileOf(dataDir: string, terminalId: string, kind: 'host' | 'launcher' = 'host'): string {
  return path.join(dataDir, `${terminalId}.${kind}-helpers.json`);
}

/** Ends and removes what an earlier run of this terminal left (after kill -9), then records this run's helpers. */
export async function openRunLedger(file: string, logger: Logger): Promise<HelperLedger> {
  const { ledger, sweep } = await HelperLedger.open(file);
  if (sweep.ownerAlive) logger.warn({ file }, 'another run of this terminal is still going: its helpers are left to it');
  else if (sweep.ended + sweep.removed > 0) {
    logger.warn(
      { ended: sweep.ended, removed: sweep.removed },
      'cleaned up after an earlier run that did not stop: ended its helpers, removed its folders',
    );
  }
  return ledger;
}
