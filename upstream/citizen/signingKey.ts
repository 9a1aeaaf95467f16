import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import { readKeyFile, writeKeyFile } from '../storage/keyFiles.js';

type Row = { private_pem: string; public_pem: string };

/**
 * The hall's Ed25519 key for certificates. The private key lives in its own
 * file (0600), never in the database: a copied database cannot sign. The
 * database keeps the public key, so a hall started with another hall's key
 * file (or a second process with a different one) refuses to start.
 */
export class SigningKey {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicPem: string,
  ) {}

  static async load(db: Database, keyFile: string, now: () => Date = () => new Date()): Promise<SigningKey> {
    const select = () => db.get<Row>("SELECT private_pem, public_pem FROM hall_signing_key WHERE name = 'certificates'");
    let filePem = await readKeyFile(keyFile);
    const stored = await select();
    // Halls before the key file kept the private key in the database: move it out once.
    if (stored && stored.private_pem !== '') {
      if (filePem === null) {
        await writeKeyFile(keyFile, stored.private_pem);
        filePem = stored.private_pem;
      }
      await db.run("UPDATE hall_signing_key SET private_pem = '' WHERE name = 'certificates'");
    }
    if (filePem === null) {
      if (stored)
        throw new Error(`the hall's certificate signing key should be in ${keyFile}, which is missing: restore it from the backup`);
      await writeKeyFile(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      // Another hall process may have written the file first: its key is the one.
      filePem = (await readKeyFile(keyFile))!;
    }
    const privateKey = createPrivateKey(filePem);
    const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    await db.run(
      "INSERT INTO hall_signing_key (name, private_pem, public_pem, created_at) VALUES ('certificates', '', ?, ?) ON CONFLICT (name) DO NOTHING",
      [publicPem, now().toISOString()],
    );
    const known = (await select())!;
    if (known.public_pem !== publicPem)
      throw new Error(`${keyFile} is not this hall's certificate signing key (its public key differs from the one the database knows)`);
    return new SigningKey(privateKey, publicPem);
  }

  sign(text: string): string {
    return sign(null, Buffer.from(text), this.privateKey).toString('base64');
  }
}
