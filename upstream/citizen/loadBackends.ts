import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CitizenBackends } from './citizenBackends.js';
import { DemoBackends } from './demoBackends.js';

/** The hall's government back ends as configured, with what the operator is told at start. */
export interface LoadedBackends {
  backends: CitizenBackends;
  /** e.g. "demo (fictional: no government system is connected)" or "./adapters/city.js". */
  description: string;
}

/**
 * What an adapter module exports: `createBackends()`, returning (or resolving
 * to) an object with the CitizenBackends methods.
 */
const adapterModuleSchema = z.object({
  createBackends: z.custom<() => unknown>((value) => typeof value === 'function', {
    error: 'expected an exported function createBackends()',
  }),
});

const isFunction = (value: unknown) => typeof value === 'function';
const backendsSchema = z.object({
  answer: z.custom<CitizenBackends['answer']>(isFunction, { error: 'expected a method answer(backend, question, citizen, signal)' }),
  identifyEid: z.custom<CitizenBackends['identifyEid']>(isFunction, { error: 'expected a method identifyEid(token, signal)' }),
});

/** The back ends are not configured right: the module cannot be loaded, or is not an adapter. */
export class BackendsConfigError extends Error {
  constructor(spec: string, problem: string) {
    super(`--backends ${spec}: ${problem}`);
    this.name = 'BackendsConfigError';
  }
}

/** A path ("./x.js", "/opt/x.mjs", "adapters/x.js") rather than a package name ("@city/onewindow-backends"). */
function isPath(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec) || /\.[cm]?js$/.test(spec);
}

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(module)'}: ${issue.message}`).join('; ');
}

/**
 * The back ends `spec` names: "demo", the fictional adapters; else an adapter
 * module, by path (from the working folder) or by package name (installed
 * beside onewindow).
 */
export async function loadBackends(spec: string): Promise<LoadedBackends> {
  if (spec === 'demo') return { backends: new DemoBackends(), description: 'demo (fictional: no government system is connected)' };
  let loaded: unknown;
  try {
    loaded = await import(isPath(spec) ? pathToFileURL(path.resolve(spec)).href : spec);
  } catch (error) {
    throw new BackendsConfigError(spec, `cannot load the adapter module: ${(error as Error).message}`);
  }
  const adapterModule = adapterModuleSchema.safeParse(loaded);
  if (!adapterModule.success) throw new BackendsConfigError(spec, problemsOf(adapterModule.error));
  const backends = await adapterModule.data.createBackends();
  // Checked, not parsed: the adapter's own object is kept, so its methods keep their `this`.
  const checked = backendsSchema.safeParse(backends);
  if (!checked.success) throw new BackendsConfigError(spec, `createBackends() returned no adapter: ${problemsOf(checked.error)}`);
  return { backends: backends as CitizenBackends, description: spec };
}
