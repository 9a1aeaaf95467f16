import type { BackendAnswer, CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import type { LookupResult } from '../../main/contract/citizenServices.js';

type Template = Pick<CitizenCatalog['lookups'][number], 'facts' | 'table'>;

/** A back end's answer with the catalogue's labels: facts in the template's order, table columns likewise. Missing values show as "—". */
export function labelled(template: Template, answer: BackendAnswer): Pick<LookupResult, 'facts' | 'table'> {
  return {
    facts: template.facts.map((field) => ({ label: field.label, value: answer.values[field.key] ?? '—' })),
    table: template.table
      ? {
          columns: template.table.columns.map((column) => column.label),
          rows: answer.rows.map((row) => template.table!.columns.map((column) => row[column.key] ?? '—')),
        }
      : null,
  };
}
