import { describe, expect, it } from 'vitest';
import { demoCards } from '../../drivers/id-card/demoCards.js';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';
import { lookupIdSchema } from '../../main/contract/citizenServices.js';
import { DemoBackends } from '../../upstream/citizen/demoBackends.js';

const citizen = { idNumber: demoCards.resident.idNumber, name: demoCards.resident.name };

/**
 * The kiosk's lookups and certificates are data: the hall's catalogue names
 * each field and column, the back end answers by key, and a key it does not
 * answer would print as "—". The demo back ends must answer every one.
 */
describe('the demo back ends answer everything the hall catalogue asks', async () => {
  const catalog = await readCitizenCatalog();
  const backends = new DemoBackends();
  const signal = new AbortController().signal;

  it('has a catalogue entry for every lookup the contract names, and no other', () => {
    expect(catalog.lookups.map((lookup) => lookup.id).sort()).toEqual([...lookupIdSchema.options].sort());
  });

  it.each(catalog.lookups.map((lookup) => [lookup.id, lookup] as const))('lookup %s: every fact and column', async (_, lookup) => {
    const answer = await backends.answer(
      lookup.backend,
      { kind: 'lookup', lookup: lookup.id, year: lookup.byYear ? 2024 : null },
      citizen,
      signal,
    );
    expect(lookup.facts.filter((fact) => answer.values[fact.key] === undefined).map((fact) => fact.key)).toEqual([]);
    for (const row of answer.rows) {
      expect((lookup.table?.columns ?? []).filter((column) => row[column.key] === undefined).map((column) => column.key)).toEqual([]);
    }
  });

  it.each(catalog.certificates.map((certificate) => [certificate.type, certificate] as const))(
    'certificate %s: every fact and column',
    async (_, certificate) => {
      const answer = await backends.answer(certificate.backend, { kind: 'certificate', type: certificate.type }, citizen, signal);
      expect(certificate.facts.filter((fact) => answer.values[fact.key] === undefined).map((fact) => fact.key)).toEqual([]);
      for (const row of answer.rows) {
        expect((certificate.table?.columns ?? []).filter((column) => row[column.key] === undefined).map((column) => column.key)).toEqual(
          [],
        );
      }
    },
  );
});
