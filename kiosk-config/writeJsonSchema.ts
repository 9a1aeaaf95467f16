import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { jsonSchemaPath } from './paths.js';
import { terminalConfigSchema } from './terminalConfigSchema.js';

/** The JSON Schema editors use for terminal configs; generated, never edited by hand. */
export function terminalConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(terminalConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'OneWindow terminal configuration',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(jsonSchemaPath, `${JSON.stringify(terminalConfigJsonSchema(), null, 2)}\n`);
}
