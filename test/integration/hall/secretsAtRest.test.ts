import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest, signingHeaders } from '../../../lib/requestSigning.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { openHallDatabase } from '../../../upstream/storage/openHallDatabase.js';
import { createHallServer } from '../../../upstream/http/createHallServer.js';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import { readCitizenCatalog } from '../../../hall-config/readCitizenCatalog.js';
import { readAppointments } from '../../../hall-config/readAppointments.js';
import { readConvenience } from '../../../hall-config/readConvenience.js';
import { DemoBackends } from '../../../upstream/citizen/demoBackends.js';
import { recordingLogger } from '../../support/silentLogger.js';
import { demoCards } from '../../../drivers/id-card/demoCards.js';
import type { AddressInfo } from 'node:net';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;
const citizen = { idNumber: demoCards.resident.idNumber, name: demoCards.resident.name };

describe.each(hallBackends())('the hall keeps its secrets out of its database, on %s', (backend) => {
  it('terminal secrets are sealed and the signing key is in its own file; database and key files are 0600', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const identity = await hall.enroll('K-01', { role: 'kiosk' });
    const client = new HallClient(identity);
    await client.ping();
    await client.issueCertificate({ type: 'insured-status', citizen });

    const signingFile = path.join(hall.dir, 'hall-signing-key.pem');
    const secretsFile = path.join(hall.dir, 'hall-terminal-secrets.key');
    expect(await modeOf(signingFile)).toBe(0o600);
    expect(await modeOf(secretsFile)).toBe(0o600);
    const privatePem = await readFile(signingFile, 'utf8');
    expect(privatePem).toContain('BEGIN PRIVATE KEY');
    const keyBody = privatePem.split('\n')[1]!;

    const stored = await hall.db.get<{ secret: string }>("SELECT secret FROM terminal WHERE id = 'K-01'");
    expect(stored!.secret).toMatch(/^v1:/);
    expect(stored!.secret).not.toContain(identity.secret);
    expect(await hall.db.get("SELECT private_pem FROM hall_signing_key WHERE name = 'certificates'")).toEqual({ private_pem: '' });

    if (backend === 'sqlite') {
      const dbFile = path.join(hall.dir, 'hall.db');
      expect(await modeOf(dbFile)).toBe(0o600);
      expect(await modeOf(`${dbFile}-wal`)).toBe(0o600);
      // A copy of the database (and its WAL) as a thief would take it: neither the secret nor the private key is in it.
      const copyDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-copy-'));
      cleanups.push(() => rm(copyDir, { recursive: true, force: true }));
      await copyFile(dbFile, path.join(copyDir, 'hall.db'));
      await copyFile(`${dbFile}-wal`, path.join(copyDir, 'hall.db-wal'));
      const bytes = Buffer.concat([await readFile(path.join(copyDir, 'hall.db')), await readFile(path.join(copyDir, 'hall.db-wal'))]);
      expect(bytes.includes(Buffer.from(identity.secret))).toBe(false);
      expect(bytes.includes(Buffer.from(keyBody))).toBe(false);
      expect(bytes.includes(Buffer.from('v1:'))).toBe(true);
    }
  });
});

describe('a hall database from before the key files', () => {
  it('moves the signing key out to its file and seals clear secrets, once; the terminal still signs in', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-oldhall-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const db = await openHallDatabase(path.join(dir, 'hall.db'));
    cleanups.push(() => db.close());
    const pair = generateKeyPairSync('ed25519');
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const secret = 'an-old-clear-secret-of-forty-characters-x';
    await db.run(
      "INSERT INTO hall_signing_key (name, private_pem, public_pem, created_at) VALUES ('certificates', ?, ?, '2026-01-01T00:00:00Z')",
      [privatePem, publicPem],
    );
    await db.run(
      "INSERT INTO terminal (id, secret, enrolled_at, revoked_at, role) VALUES ('K-09', ?, '2026-01-01T00:00:00Z', NULL, 'kiosk')",
      [secret],
    );

    const server = await createHallServer({
      db,
      logger: recordingLogger().logger,
      queue: await readHallQueue(),
      citizen: { catalog: await readCitizenCatalog(), backends: new DemoBackends() },
      appointments: await readAppointments(),
      convenience: await readConvenience(),
      keyDir: path.join(dir, 'keys'),
    });
    cleanups.push(() => server.close());
    await server.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

    expect(await readFile(path.join(dir, 'keys', 'hall-signing-key.pem'), 'utf8')).toBe(privatePem);
    expect(await db.get("SELECT private_pem, public_pem FROM hall_signing_key WHERE name = 'certificates'")).toEqual({
      private_pem: '',
      public_pem: publicPem,
    });
    expect((await db.get<{ secret: string }>("SELECT secret FROM terminal WHERE id = 'K-09'"))!.secret).toMatch(/^v1:/);

    const timestamp = Date.now();
    const ping = await fetch(`${url}/api/v1/ping`, {
      headers: {
        [signingHeaders.terminal]: 'K-09',
        [signingHeaders.timestamp]: String(timestamp),
        [signingHeaders.signature]: signRequest(secret, 'GET', '/api/v1/ping', '', timestamp),
      },
    });
    expect(ping.status).toBe(200);
    // Certificates issued from now on are signed with the moved key: the old public key checks them.
    const issued = await new HallClient({ hallUrl: url, terminalId: 'K-09', secret }).issueCertificate({ type: 'insured-status', citizen });
    expect((await (await fetch(`${url}/verify/${issued.content.code}.json`)).json()) as { publicKey: string }).toMatchObject({
      publicKey: publicPem,
    });
  });
});
