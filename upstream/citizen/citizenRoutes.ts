import type { FastifyReply } from 'fastify';
import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import {
  certificateRequestSchema,
  citizenIdentitySchema,
  citizenPaths,
  eidRequestSchema,
  issuedCertificateSchema,
  lookupRequestSchema,
  lookupResultSchema,
  verificationSchema,
  type LookupResult,
} from '../../main/contract/citizenServices.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
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

/** Citizen services: signed lookups, e-ID and certificates for kiosks; the public verification page. */
export function registerCitizenRoutes(app: HallApp, parts: CitizenRouteParts): void {
  const { catalog, backends, issuer, key, publicUrl } = parts;

  hallRoute(app, {
    method: 'POST',
    url: citizenPaths.identify,
    access: { roles: ['kiosk'] },
    summary: "Who an e-ID code (scanned from the citizen's phone) belongs to",
    body: eidRequestSchema,
    response: citizenIdentitySchema,
    handler: async ({ body, reply }) => {
      const citizen = await backends.identifyEid(body.token, AbortSignal.timeout(5000));
      if (!citizen) return refuse(reply, 404, 'unknown_eid', 'this e-ID code is not known or has expired');
      return citizen;
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: citizenPaths.lookup,
    access: { roles: ['kiosk'] },
    summary: "Look a citizen's records up in a government back end",
    body: lookupRequestSchema,
    response: lookupResultSchema,
    handler: ({ body, reply }) => {
      const definition = catalog.lookups.find((lookup) => lookup.id === body.lookup)!;
      return answer(reply, async (): Promise<LookupResult> => {
        const data = await askBackend(
          backends,
          catalog,
          definition.backend,
          { kind: 'lookup', lookup: definition.id, year: body.year },
          body.citizen,
        );
        return {
          lookup: definition.id,
          ...labelled(definition, data),
          done: definition.action
            ? {
                'zh-CN': '已挂失：此卡已停止使用。请携带身份证到服务窗口补卡。',
                en: 'Reported: the card is blocked. Bring your ID card to a service window for a new one.',
              }
            : null,
        };
      });
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: citizenPaths.certificates,
    access: { roles: ['kiosk'] },
    summary: 'Issue a signed certificate for a citizen',
    body: certificateRequestSchema,
    response: issuedCertificateSchema,
    handler: ({ body, caller, reply }) => answer(reply, () => issuer.issue(caller.terminalId, body.type, body.citizen, publicUrl())),
  });

  const title = (type: string) => {
    const template = catalog.certificates.find((certificate) => certificate.type === type);
    return template ? `${template.title['zh-CN']} · ${template.title.en}` : type;
  };
  hallRoute(app, {
    method: 'GET',
    url: `${citizenPaths.verify}:code`,
    access: 'public',
    summary: "Is a certificate genuine? Its page (the printed QR code), or with .json the hall's signed record",
    response: verificationSchema,
    handler: async ({ params, reply }) => {
      const json = params.code!.endsWith('.json');
      const code = params.code!.replace(/\.json$/, '').toUpperCase();
      const issued = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code) ? await issuer.find(code) : null;
      if (json)
        return issued ? { ...issued, publicKey: key.publicPem } : refuse(reply, 404, 'unknown_certificate', `no certificate ${code}`);
      return reply
        .code(issued ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(verifyPage(issued, key.publicPem, title));
    },
  });
}
