import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/contract/citizenServices.js';

// What a signature covers must be the same bytes in the hall, the terminal and
// any outside tool: RFC 8785, not a local variant.
describe('canonicalJson (RFC 8785)', () => {
  it('orders keys by UTF-16 code units at every level and writes numbers as ECMAScript does', () => {
    // From RFC 8785 §3.2.3 (sorting) and §3.2.2.3 (numbers).
    expect(canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One' })).toBe(
      '{"\\r":"Carriage Return","1":"One","\u20ac":"Euro Sign","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ b: [3, { z: 1e21, a: -0 }], a: 4.5e-7 })).toBe('{"a":4.5e-7,"b":[3,{"a":0,"z":1e+21}]}');
  });

  it('leaves out undefined members, as JSON does, instead of writing a value no parser reads', () => {
    expect(canonicalJson({ kept: '社保', dropped: undefined })).toBe('{"kept":"社保"}');
  });

  it('refuses what has no JSON form, rather than signing nothing', () => {
    expect(() => canonicalJson(undefined)).toThrow('no JSON form');
  });
});
