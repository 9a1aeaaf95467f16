import { defaultHallQueueFile } from './paths.js';
import { hallQueueSchema, type HallQueue } from '../main/contract/hallQueue.js';
import { readDataFile } from './readDataFile.js';

/** A hall's queue file; the demo hall's when none is named. A bad file fails with the field and why. */
export function readHallQueue(file: string = defaultHallQueueFile): Promise<HallQueue> {
  return readDataFile(file, hallQueueSchema);
}
