import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Whether `command` is an executable file in one of $PATH's folders (what spawn would find). */
export function commandOnPath(command: string, searchPath: string = process.env.PATH ?? ''): boolean {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
