import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';

/** The hall's Ed25519 key for certificates: made at first start and kept in its database. */
export class SigningKey {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicPem: string,
  ) {}

  static async load(db: Database, now: () => Date = () => new Date()): Promise<SigningKey> {
    const existing = await db.get<{ private_pem: string; public_pem: string }>("SELECT private_pem, public_pem FROM hall_signing_key WHERE name = 'certificates'");
    if (existing) return new SigningKey(createPrivateKey(existing.private_pem), existing.public_pem);
    const pair = generateKeyPairSync('ed25519');
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // Two halls starting on one new database at once: the first key stays, the second start reads it.
    await db.run("INSERT INTO hall_signing_key (name, private_pem, public_pem, created_at) VALUES ('certificates', ?, ?, ?) ON CONFLICT (name) DO NOTHING", [privatePem, publicPem, now().toISOString()]);
    const stored = (await db.get<{ private_pem: string; public_pem: string }>("SELECT private_pem, public_pem FROM hall_signing_key WHERE name = 'certificates'"))!;
    return new SigningKey(createPrivateKey(stored.private_pem), stored.public_pem);
  }

  sign(text: string): string {
    return sign(null, Buffer.from(text), this.privateKey).toString('base64');
  }
}
