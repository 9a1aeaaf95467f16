/** A program or library the test suite needs from the system, and the Debian/Ubuntu package that brings it. */
export interface Requirement {
  name: string;
  /** What the suite uses it for, said when it is missing. */
  why: string;
  aptPackage: string;
  present: boolean;
  /** Said instead of "not found" when there is more to tell (a server that does not answer). */
  detail?: string;
}

/** What is missing, said so that someone can fix it with one command; null when nothing is. */
export function missingReport(requirements: Requirement[]): string | null {
  const missing = requirements.filter((requirement) => !requirement.present);
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((requirement) => requirement.aptPackage))];
  return [
    'npm test needs these on this machine, and they are missing:',
    ...missing.map((requirement) => `  - ${requirement.name} (${requirement.why}): ${requirement.detail ?? 'not found'}`),
    'Install them with:',
    `  sudo apt-get install -y ${packages.join(' ')}`,
    'or run "sudo bash .ci/run", which installs them, starts PostgreSQL and runs lint, typecheck and the tests as CI does.',
  ].join('\n');
}
