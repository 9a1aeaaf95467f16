import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import { certificateRequestSchema, citizenPaths, eidRequestSchema, lookupRequestSchema, type LookupResult } from '../../main/contract/citizenServices.js';
import { refuse, refuseInput } from '../http/refuse.js';
import type { CertificateIssuer } from './certificateIssuer.js';
import { askBackend, BackendUnavailable, type CitizenBackends } from './citizenBackends.js';
import { labelled } from './labelled.js';
import type { SigningKey } from './signingKey.js';
import { verifyPage } from './verifyPage.js';

export interface CitizenRouteParts {
  catalog: CitizenCatalog;
  backends: CitizenBackends;
  issuer: CertificateIssuer;
  key: SigningKey;
  /** The hall's configured public URL, where a certificate's QR code sends a phone; never the request's Host header. */
  publicUrl: () => string;
}

async function answer<T>(reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackendUnavailable) return refuse(reply, 504, error.reason, `${error.message} (${error.backend})`);
    throw error;
  }
}

/** Citizen services: signed lookups, e-ID and certificates for terminals; the public verification page. */
export function registerCitizenRoutes(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>, parts: CitizenRouteParts): void {
  const { catalog, backends, issuer, key, publicUrl } = parts;

  app.post(citizenPaths.identify, async (request, reply) => {
    const parsed = eidRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    const citizen = await backends.identifyEid(parsed.data.token, AbortSignal.timeout(5000));
    if (!citizen) return refuse(reply, 404, 'unknown_eid', 'this e-ID code is not known or has expired');
    return citizen;
  });

  app.post(citizenPaths.lookup, async (request, reply) => {
    const parsed = lookupRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    const definition = catalog.lookups.find((lookup) => lookup.id === parsed.data.lookup)!;
    return answer(reply, async (): Promise<LookupResult> => {
      const data = await askBackend(backends, catalog, definition.backend, { kind: 'lookup', lookup: definition.id, year: parsed.data.year }, parsed.data.citizen);
      return {
        lookup: definition.id,
        ...labelled(definition, data),
        done: definition.action ? { 'zh-CN': '已挂失：此卡已停止使用。请携带身份证到服务窗口补卡。', en: 'Reported: the card is blocked. Bring your ID card to a service window for a new one.' } : null,
      };
    });
  });

  app.post(citizenPaths.certificates, async (request, reply) => {
    const parsed = certificateRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return answer(reply, () => issuer.issue(request.terminalId!, parsed.data.type, parsed.data.citizen, publicUrl()));
  });

  const title = (type: string) => {
    const template = catalog.certificates.find((certificate) => certificate.type === type);
    return template ? `${template.title['zh-CN']} · ${template.title.en}` : type;
  };
  app.get<{ Params: { code: string } }>(`${citizenPaths.verify}:code`, async (request, reply) => {
    const json = request.params.code.endsWith('.json');
    const code = request.params.code.replace(/\.json$/, '').toUpperCase();
    const issued = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code) ? await issuer.find(code) : null;
    if (json) return issued ? { ...issued, publicKey: key.publicPem } : refuse(reply, 404, 'unknown_certificate', `no certificate ${code}`);
    return reply.code(issued ? 200 : 404).type('text/html; charset=utf-8').send(verifyPage(issued, key.publicPem, title));
  });
}
