import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import { readKeyFile, writeKeyFile } from '../storage/keyFiles.js';

const sealedPrefix = 'v1:';

/**
 * Seals terminal secrets in the hall database with AES-256-GCM under a key
 * kept in a file beside the signing key (0600), so a copied database does not
 * give away any terminal's secret. Each secret is bound to its terminal id.
 */
export class SecretBox {
  private constructor(
    private readonly key: Buffer,
    private readonly file: string,
  ) {}

  /** The key in `file`, made (32 random bytes) at the hall's first start. */
  static async load(file: string): Promise<SecretBox> {
    if ((await readKeyFile(file)) === null) await writeKeyFile(file, `${randomBytes(32).toString('base64')}\n`);
    const key = Buffer.from((await readKeyFile(file))!.trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} is not a terminal-secrets key (32 bytes, base64)`);
    return new SecretBox(key, file);
  }

  seal(terminalId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(terminalId));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${sealedPrefix}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  open(terminalId: string, stored: string): string {
    if (!stored.startsWith(sealedPrefix)) throw new Error(`the secret of terminal ${terminalId} is not sealed`);
    const bytes = Buffer.from(stored.slice(sealedPrefix.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12)).setAAD(Buffer.from(terminalId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`cannot open the secret of terminal ${terminalId}: is ${this.file} this hall's terminal-secrets key?`);
    }
  }

  /** Halls before sealing kept secrets in clear: seal those once, at start. */
  async sealClearSecrets(db: Database): Promise<number> {
    const clear = await db.all<{ id: string; secret: string }>(`SELECT id, secret FROM terminal WHERE secret NOT LIKE '${sealedPrefix}%'`);
    for (const row of clear)
      await db.run('UPDATE terminal SET secret = ? WHERE id = ? AND secret = ?', [this.seal(row.id, row.secret), row.id, row.secret]);
    return clear.length;
  }
}
