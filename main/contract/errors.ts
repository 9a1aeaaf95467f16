import { z } from 'zod';

/**
 * Error codes that may cross the renderer⇄host boundary. The UI translates
 * each code (i18n key `errors.<code>`); the message is for logs and technicians.
 */
export const rpcErrorCodeSchema = z.enum([
  'invalid_input',
  'unknown_method',
  /** The caller is not who it must be: no or a wrong bridge token, a foreign window. */
  'unauthorized',
  /** The caller is known but may not do this: a wrong setup PIN, setup locked. */
  'forbidden',
  'not_found',
  /** A data file of the terminal (catalogue, template) is wrong; the issues say where. */
  'bad_data',
  'unavailable',
  /** The hall server said no for a reason the user should see; `reason` names it (errors.reasons.<reason>). */
  'refused',
  'internal',
]);
export type RpcErrorCode = z.infer<typeof rpcErrorCodeSchema>;

export const rpcIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type RpcIssue = z.infer<typeof rpcIssueSchema>;

export const rpcErrorSchema = z.object({
  code: rpcErrorCodeSchema,
  message: z.string(),
  issues: z.array(rpcIssueSchema).optional(),
  reason: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  /** Values the reason's translation names (which system, which window). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RpcErrorPayload = z.infer<typeof rpcErrorSchema>;

export const rpcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: rpcErrorSchema }),
]);
export type RpcResult = z.infer<typeof rpcResultSchema>;

/** Thrown by services for failures the caller should see; anything else becomes `internal`. */
export class ServiceError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly issues?: RpcIssue[],
    readonly reason?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** What a client throws when a call fails; carries the typed code for the UI. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly issues: RpcIssue[] | undefined;
  readonly reason: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(payload: RpcErrorPayload) {
    super(payload.message);
    this.name = 'RpcError';
    this.code = payload.code;
    this.issues = payload.issues;
    this.reason = payload.reason;
    this.params = payload.params;
  }
}

/** Renders zod issues as `a.b[2].c: message`, the form every boundary reports. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesFromZod(error: z.ZodError): RpcIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}
