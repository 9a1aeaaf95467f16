// Where each field sits in the 256-byte text block, in UCS-2 characters, per
// card type. The byte at offset 248 (character 124) says which layout applies:
// 'I' foreigner's permanent residence card, 'J' Hong Kong/Macao/Taiwan
// residence permit, anything else a resident ID card.

export type CardType = 'resident' | 'hk-macao-taiwan' | 'foreign-permanent';

export interface FieldSlot {
  field: string;
  chars: number;
}

export const textBlockBytes = 256;
export const cardTypeCharIndex = 124;

export const layouts: Record<CardType, FieldSlot[]> = {
  resident: [
    { field: 'name', chars: 15 },
    { field: 'gender', chars: 1 },
    { field: 'nation', chars: 2 },
    { field: 'birthDate', chars: 8 },
    { field: 'address', chars: 35 },
    { field: 'idNumber', chars: 18 },
    { field: 'issuer', chars: 15 },
    { field: 'validFrom', chars: 8 },
    { field: 'validTo', chars: 8 },
    { field: 'reserved', chars: 18 },
  ],
  'hk-macao-taiwan': [
    { field: 'name', chars: 15 },
    { field: 'gender', chars: 1 },
    { field: 'reserved1', chars: 2 },
    { field: 'birthDate', chars: 8 },
    { field: 'address', chars: 35 },
    { field: 'idNumber', chars: 18 },
    { field: 'issuer', chars: 15 },
    { field: 'validFrom', chars: 8 },
    { field: 'validTo', chars: 8 },
    { field: 'passNumber', chars: 9 },
    { field: 'issueCount', chars: 2 },
    { field: 'reserved2', chars: 3 },
    { field: 'cardType', chars: 1 },
    { field: 'reserved3', chars: 3 },
  ],
  'foreign-permanent': [
    { field: 'englishName', chars: 60 },
    { field: 'gender', chars: 1 },
    { field: 'idNumber', chars: 15 },
    { field: 'nationality', chars: 3 },
    { field: 'name', chars: 15 },
    { field: 'validFrom', chars: 8 },
    { field: 'validTo', chars: 8 },
    { field: 'birthDate', chars: 8 },
    { field: 'version', chars: 2 },
    { field: 'issuerCode', chars: 4 },
    { field: 'cardType', chars: 1 },
    { field: 'reserved', chars: 3 },
  ],
};

export const cardTypeMarks: Partial<Record<CardType, string>> = { 'hk-macao-taiwan': 'J', 'foreign-permanent': 'I' };
