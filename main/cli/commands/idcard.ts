import { parseVidPid } from '../../../drivers/deviceAddress.js';
import { openReaderPort, type ReaderAddress } from '../../../drivers/id-card/openReaderPort.js';
import { SamReader, type IdCard } from '../../../drivers/id-card/samReader.js';
import { cardAsJson, cardForPeople } from '../formatCard.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';

export const idcardHelp = `Usage: onewindow idcard read (--port PATH [--baud N] | --hid VID:PID) [--wait S] [--unmasked] [--json]

Reads the card on a resident ID-card reader (SAM protocol) and prints it.
The ID number is masked (first 3 and last 4) unless --unmasked; the photo is
never printed or stored.

  --port PATH   serial port of the reader, e.g. /dev/ttyUSB0
  --baud N      serial speed (default 115200)
  --hid VID:PID a USB-HID reader, e.g. 0400:c35a
  --wait S      wait up to S seconds for a card (default: read what is there now)
  --json        print JSON instead of text`;

export async function idcardCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('idcard', args, {
    port: { type: 'string' },
    baud: { type: 'string' },
    hid: { type: 'string' },
    wait: { type: 'string' },
    unmasked: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(idcardHelp);
    return 0;
  }
  subcommandOf('idcard', positionals[0], ['read']);
  if (positionals.length > 1) throw new UsageError('expected "idcard read"', 'idcard');
  const address = readerAddress(values.port, values.baud, values.hid);
  const waitSeconds = values.wait === undefined ? 0 : Number(values.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new UsageError(`--wait: expected seconds, got "${values.wait}"`, 'idcard');

  const port = await openReaderPort(address);
  const reader = new SamReader(port);
  try {
    await reader.checkSam();
    const card = await readWithin(reader, waitSeconds * 1000);
    if (!card) {
      console.error('No card on the reader: place the card flat on the reader and try again.');
      return 1;
    }
    console.log(values.json ? cardAsJson(card, values.unmasked ?? false) : cardForPeople(card, values.unmasked ?? false));
    return card.problems.length > 0 ? 3 : 0;
  } finally {
    reader.dispose();
    await port.close();
  }
}

function readerAddress(port: string | undefined, baud: string | undefined, hid: string | undefined): ReaderAddress {
  if ((port === undefined) === (hid === undefined)) throw new UsageError('give exactly one of --port PATH or --hid VID:PID', 'idcard');
  if (hid !== undefined) {
    const ids = parseVidPid(hid);
    if (!ids) throw new UsageError(`--hid: expected VID:PID in hex, e.g. 0400:c35a, got "${hid}"`, 'idcard');
    return { kind: 'hid', ...ids };
  }
  const baudRate = baud === undefined ? 115200 : Number(baud);
  if (!Number.isInteger(baudRate) || baudRate <= 0) throw new UsageError(`--baud: expected a whole number, got "${baud}"`, 'idcard');
  return { kind: 'serial', path: port!, baudRate };
}

async function readWithin(reader: SamReader, waitMs: number): Promise<IdCard | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const card = await reader.readInsertedCard();
    if (card || Date.now() >= deadline) return card;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
