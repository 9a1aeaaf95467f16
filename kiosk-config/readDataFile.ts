import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { formatIssuePath } from '../main/contract/errors.js';

/**
 * A data file (config, catalogue) that is missing, not JSON, or not of its
 * schema. `problems` name the field and why, e.g.
 * `devices.receiptPrinter.port: expected tcp://host:port, got "lpt1"`.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'DataFileError';
  }
}

export async function readDataFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(file, [code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`]);
  }
  return parseDataText(file, text, schema);
}

export function parseDataText<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    throw new DataFileError(
      file,
      parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}${shownInput(issue.input)}`),
    );
  }
  return parsed.data;
}

/** A short value is worth repeating in the message; an object or long text is not. */
function shownInput(input: unknown): string {
  const shown = JSON.stringify(input);
  const primitive = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
  return primitive && shown.length <= 80 ? `, got ${shown}` : '';
}
