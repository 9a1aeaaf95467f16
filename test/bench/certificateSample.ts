import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import type { CertificateType, IssuedCertificate } from '../../main/contract/citizenServices.js';
import { labelled } from '../../upstream/citizen/labelled.js';
import { DemoBackends } from '../../upstream/citizen/demoBackends.js';

/** A certificate as the hall would issue it for the fictional resident (unsigned: a bench renders, it does not verify). */
export async function sampleCertificate(catalog: CitizenCatalog, type: CertificateType): Promise<IssuedCertificate> {
  const template = catalog.certificates.find((certificate) => certificate.type === type)!;
  const answer = await new DemoBackends().answer(
    template.backend,
    { kind: 'certificate', type },
    { idNumber: '11010519491231002X', name: '王小明' },
    new AbortController().signal,
  );
  const { facts, table } = labelled(template, answer);
  return {
    content: {
      code: 'ABCD-EFGH-JKLM',
      type,
      issuedAt: new Date().toISOString(),
      holder: { name: '王小明', maskedIdNumber: '110***********002X' },
      authority: template.authority,
      facts,
      table,
      verifyUrl: 'http://127.0.0.1:7400/verify/ABCD-EFGH-JKLM',
    },
    signature: Buffer.alloc(64, 7).toString('base64'),
  };
}
