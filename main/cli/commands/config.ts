import { readCatalogueCategories } from '../../../kiosk-config/catalogueData.js';
import { catalogueDirOf, loadTerminalConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { DataFileError } from '../../../kiosk-config/readDataFile.js';
import { servicesProblems } from '../../../kiosk-config/servicesProblems.js';
import { terminalConfigJsonSchema } from '../../../kiosk-config/writeJsonSchema.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';

export const configHelp = `Usage: onewindow config validate FILE
       onewindow config schema

  validate FILE   checks a terminal configuration against the schema and the
                  catalogue; prints each bad field with why, exit code 2 if any
  schema          prints the JSON Schema of a terminal configuration (for editors)`;

export async function configCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('config', args, {});
  const [action, file, ...rest] = positionals;
  if (values.help) {
    console.log(configHelp);
    return 0;
  }
  subcommandOf('config', action, ['validate', 'schema']);
  if (action === 'schema' && file === undefined) {
    console.log(JSON.stringify(terminalConfigJsonSchema(), null, 2));
    return 0;
  }
  if (action !== 'validate' || file === undefined || rest.length > 0) {
    throw new UsageError('expected "config validate FILE" or "config schema"', 'config');
  }
  const loaded = await loadTerminalConfig(file);
  const categories = await readCatalogueCategories(catalogueDirOf(loaded));
  const problems = servicesProblems(
    loaded.config,
    categories.map((category) => category.id),
  );
  if (problems.length > 0) throw new DataFileError(loaded.file, problems);
  console.log(`${loaded.file}: valid (${loaded.config.role} ${loaded.config.terminalId})`);
  return 0;
}
