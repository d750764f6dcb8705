import { describe, it, expect } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  checkCreditCode,
  computeCheckCharacter,
  isValidCreditCode,
  makeCreditCode,
} from './creditCode';

/** Codes published on business licences / public registries; each was verified with the algorithm. */
const PUBLISHED_VALID = [
  '91350100M000100Y43',
  '91110000802100433B',
  '91440300708461136T',
  '91110108551385082Q',
  '91310000717866186P',
  '12100000400000624D', // authority 1 (机构编制), type 2 (事业单位)
];

/** Replaces the character at `index` (0-based). */
function replaceAt(s: string, index: number, ch: string): string {
  return s.slice(0, index) + ch + s.slice(index + 1);
}

describe('credit code charset', () => {
  it('has 31 characters and excludes I, O, Z, S, V', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const ch of 'IOZSV') expect(CREDIT_CODE_CHARSET).not.toContain(ch);
  });
});

describe('checkCreditCode', () => {
  it.each(PUBLISHED_VALID)('accepts the published code %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('uppercases before checking (lowercase accepted after normalisation)', () => {
    expect(checkCreditCode('91350100m000100y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('trims surrounding whitespace', () => {
    expect(checkCreditCode('  91110000802100433B\t\n')).toEqual({ ok: true, code: '91110000802100433B' });
  });

  it.each(['', '9135010', '91350100M000100Y4', '91350100M000100Y431', '91350100 M000100Y43'])(
    'rejects the wrong length: "%s"',
    (code) => {
      expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'length' });
    },
  );

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s', (letter) => {
    const code = replaceAt('91350100M000100Y43', 8, letter);
    expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'charset' });
    expect(checkCreditCode(code.toLowerCase())).toEqual({ ok: false, problem: 'charset' });
  });

  it('rejects punctuation and non-ASCII characters', () => {
    expect(checkCreditCode('91350100-000100Y43')).toEqual({ ok: false, problem: 'charset' });
    expect(checkCreditCode('91350100Ｍ000100Y43')).toEqual({ ok: false, problem: 'charset' });
  });

  it.each(['0', 'B', 'C', 'X'])('rejects the unknown registration authority %s', (authority) => {
    const code = makeCreditCode(authority + '1350100M000100Y4');
    expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'registrationAuthority' });
  });

  it.each(['91', '92', '93', '99', '11', '12', '13', '19', '51', '52', '53', '59', 'Y1', 'N1', '31', '81'])(
    'accepts the authority/type pair %s',
    (prefix) => {
      expect(isValidCreditCode(makeCreditCode(prefix + '350100M000100Y4'))).toBe(true);
    },
  );

  it.each(['94', '95', '9A', '9Y', '14', '1A', '54', 'Y2', 'Y9', '23'])(
    'rejects the org type in %s',
    (prefix) => {
      const code = makeCreditCode(prefix + '350100M000100Y4');
      expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'orgType' });
    },
  );

  it('rejects a division code that is not six digits', () => {
    const code = makeCreditCode('9135A100M000100Y4');
    expect(checkCreditCode(code)).toEqual({ ok: false, problem: 'divisionCode' });
    const code2 = makeCreditCode('91350Y00M000100Y4');
    expect(checkCreditCode(code2)).toEqual({ ok: false, problem: 'divisionCode' });
  });

  it('rejects a wrong check character', () => {
    for (const valid of PUBLISHED_VALID) {
      const last = valid.charAt(17);
      const wrong = last === '0' ? '1' : '0';
      expect(checkCreditCode(valid.slice(0, 17) + wrong)).toEqual({ ok: false, problem: 'checkCharacter' });
    }
  });

  it('detects a swap of two adjacent characters in the body', () => {
    const swapped = '91350100M000100Y43'.replace('M0', '0M');
    expect(checkCreditCode(swapped).ok).toBe(false);
  });
});

describe('computeCheckCharacter / makeCreditCode', () => {
  it('reproduces the check characters of published codes', () => {
    for (const valid of PUBLISHED_VALID) {
      expect(computeCheckCharacter(valid.slice(0, 17))).toBe(valid.charAt(17));
      expect(makeCreditCode(valid.slice(0, 17))).toBe(valid);
    }
  });

  it('yields check character 0 when the weighted sum is a multiple of 31', () => {
    // All zeros except the division code: the sum is 0, so the check character is charset[0].
    expect(computeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('throws on input that is not 17 charset characters', () => {
    expect(() => makeCreditCode('9150011200000000')).toThrow();
    expect(() => makeCreditCode('915001120000000000')).toThrow();
    expect(() => makeCreditCode('9150011200000000I')).toThrow();
    expect(() => makeCreditCode('9150011200000000a')).toThrow();
  });
});
