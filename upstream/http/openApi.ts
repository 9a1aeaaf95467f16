import { z } from 'zod';
import { enrollRequestSchema, enrollResponseSchema, hallErrorSchema, hallPaths, pingResponseSchema } from '../../main/contract/hallProtocol.js';
import { signingHeaders } from '../../lib/requestSigning.js';
import { outboxEventSchema, pushResponseSchema, syncPaths } from '../../main/contract/syncProtocol.js';

const schema = (zod: z.ZodType) => z.toJSONSchema(zod, { unrepresentable: 'any' });
const json = (zod: z.ZodType) => ({ 'application/json': { schema: schema(zod) } });
const refused = { description: 'not signed by an enrolled terminal', content: json(hallErrorSchema) };

/** The hall server's API as OpenAPI 3.1, built from the same zod schemas both sides validate with. */
export function hallOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'OneWindow hall server', version: '1' },
    components: {
      securitySchemes: {
        terminalSignature: {
          type: 'apiKey',
          in: 'header',
          name: signingHeaders.signature,
          description: `HMAC-SHA256 (base64url) with the terminal's secret over "METHOD\\nPATH\\nsha256(body) hex\\ntimestamp"; with headers ${signingHeaders.terminal} and ${signingHeaders.timestamp} (ms). Requests outside a 60 s window, or seen before, are refused.`,
        },
      },
    },
    paths: {
      [hallPaths.enroll]: {
        post: {
          summary: 'Trade a one-time enrollment code for the terminal secret',
          requestBody: { content: json(enrollRequestSchema) },
          responses: { '200': { description: 'enrolled', content: json(enrollResponseSchema) }, '401': refused },
        },
      },
      [hallPaths.ping]: {
        get: {
          summary: 'Check that the hall server answers this terminal',
          security: [{ terminalSignature: [] }],
          responses: { '200': { description: 'the hall answers', content: json(pingResponseSchema) }, '401': refused },
        },
      },
      [syncPaths.push]: {
        post: {
          summary: "Push a batch of the terminal's outbox events",
          security: [{ terminalSignature: [] }],
          requestBody: { content: json(z.object({ events: z.array(outboxEventSchema).min(1).max(500) })) },
          responses: { '200': { description: 'what was acknowledged or refused', content: json(pushResponseSchema) }, '401': refused },
        },
      },
    },
  };
}
