import type { RpcHandlers } from '../../contract/rpc.js';
import type { CertificateDesk } from './certificateDesk.js';

export function certificateHandlers(desk: CertificateDesk): Pick<RpcHandlers, 'certificates.print'> {
  return { 'certificates.print': ({ type, largePrint }) => desk.print(type, { largePrint }) };
}
