import { hallQueueFile } from './paths.js';
import { hallQueueSchema, type HallQueue } from '../main/contract/hallQueue.js';
import { readDataFile } from '../kiosk-config/readDataFile.js';

/** A hall's queue file; the demo hall's when none is named. A bad file fails with the field and why. */
export function readHallQueue(file: string = hallQueueFile): Promise<HallQueue> {
  return readDataFile(file, hallQueueSchema);
}
