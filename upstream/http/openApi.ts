import { z } from 'zod';
import { hallErrorSchema } from '../../main/contract/hallProtocol.js';
import { signingHeaders } from '../../lib/requestSigning.js';
import type { HallAccess, HallApp, RouteDoc } from './hallRoute.js';
import { staffCookie } from './accessGuard.js';

const schema = (zod: z.ZodType) => z.toJSONSchema(zod, { unrepresentable: 'any', io: 'input' });
const json = (zod: z.ZodType) => ({ 'application/json': { schema: schema(zod) } });
const error = (description: string) => ({ description, content: json(hallErrorSchema) });

/** `/t/:id` → `/t/{id}`, `/assets/x/*` → `/assets/x/{path}`: fastify's route syntax in OpenAPI's. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}

function operation(method: string, access: HallAccess, doc: RouteDoc, url: string) {
  const parameters = [...url.matchAll(/:([A-Za-z0-9_]+)|\*$/g)].map((match) => ({
    name: match[1] ?? 'path',
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (doc.query) {
    const query = schema(doc.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(query.properties ?? {}))
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema: property as { type: string } });
  }
  const roles = typeof access === 'object' && 'roles' in access ? access.roles : [];
  const staffRoles = typeof access === 'object' && 'staff' in access ? access.staff : null;
  const halls = typeof access === 'object' && 'halls' in access;
  const ok = doc.websocket
    ? { '101': { description: 'switched to the WebSocket live channel' } }
    : {
        '200': doc.html
          ? { description: 'an HTML page', content: { 'text/html': {} } }
          : { description: 'done', ...(doc.response ? { content: json(doc.response) } : {}) },
      };
  return {
    summary: doc.summary,
    'x-access': staffRoles ? 'staff' : halls ? 'hall' : typeof access === 'object' ? 'terminal' : access,
    ...(roles.length > 0 ? { 'x-roles': roles, security: [{ terminalSignature: [] }] } : {}),
    ...(staffRoles ? { 'x-staff-roles': staffRoles, security: [{ staffSession: [] }] } : {}),
    ...(halls ? { security: [{ terminalSignature: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.body ? { requestBody: { required: true, content: json(doc.body) } } : {}),
    responses: {
      ...ok,
      '400': error('a field of the request is wrong (named in the message)'),
      ...(access === 'public'
        ? {}
        : {
            '401': error(
              staffRoles ? 'not logged in as staff' : halls ? 'not signed by an enrolled hall' : 'not signed by an enrolled terminal',
            ),
          }),
      ...(roles.length > 0 ? { '403': error(`the terminal's role is not ${roles.join(' or ')}`) } : {}),
      ...(staffRoles ? { '403': error(`the staff member is not a ${staffRoles.join(' or ')}`) } : {}),
    },
  };
}

/**
 * The hall server's API as OpenAPI 3.1, built from the routes as they are
 * registered: each with its summary, schemas (the same zod schemas the route
 * checks with) and who may call it. Call before any route is registered.
 */
export function describeRoutes(app: HallApp, title = 'OneWindow hall server'): () => Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  app.addHook('onRoute', (route) => {
    const { access, doc } = route.config ?? {};
    // HEAD answers every GET on its own (fastify's exposeHeadRoutes): the GET describes both.
    if (!access || !doc || route.method === 'HEAD') return;
    for (const method of [route.method].flat())
      (paths[openApiPath(route.url)] ??= {})[method.toLowerCase()] = operation(method, access, doc, route.url);
  });
  return () => ({
    openapi: '3.1.0',
    info: { title, version: '1' },
    components: {
      securitySchemes: {
        terminalSignature: {
          type: 'apiKey',
          in: 'header',
          name: signingHeaders.signature,
          description: `HMAC-SHA256 (base64url) with the terminal's secret over "METHOD\\nPATH\\nsha256(body) hex\\ntimestamp"; with headers ${signingHeaders.terminal} and ${signingHeaders.timestamp} (ms). Requests outside a 60 s window, or seen before, are refused. The roles that may call an operation are in x-roles.`,
        },
        staffSession: { type: 'apiKey', in: 'cookie', name: staffCookie, description: 'the session cookie POST /login sets' },
      },
    },
    paths,
  });
}
