import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json' with { type: 'json' };
import zhCN from '../../renderer/i18n/zh-CN.json' with { type: 'json' };
import { keypadAction } from '../../renderer/kiosk/access/keypadKeys.js';
import { speechChunks } from '../../renderer/kiosk/access/speechChunks.js';
import { digitWordsOf, spokenNumber } from '../../renderer/kiosk/access/spokenNumber.js';
import { SpokenLog } from '../../main/services/voice/spokenLog.js';

describe('spoken numbers, from the language files', () => {
  it('reads a ticket digit by digit, as a person would', () => {
    expect(spokenNumber('B012', digitWordsOf(zhCN.access.digits), zhCN.access.digitJoin)).toBe('B零一二');
    expect(spokenNumber('B012', digitWordsOf(en.access.digits), en.access.digitJoin)).toBe('B zero one two');
    expect(spokenNumber('A8 05', digitWordsOf(zhCN.access.digits), zhCN.access.digitJoin)).toBe('A八 零五');
  });
});

describe('prompts cut for the host (at most 200 characters a call)', () => {
  it('keeps short prompts whole and splits long ones at sentence ends, in order', () => {
    expect(speechChunks('您的号码：B零零一。前面还有 0 人。')).toEqual(['您的号码：B零零一。前面还有 0 人。']);
    const sentence = '这是一句话。'.repeat(50);
    const chunks = speechChunks(sentence);
    expect(chunks.join('')).toBe(sentence);
    expect(chunks.every((chunk) => chunk.length <= 200)).toBe(true);
    expect(speechChunks('x'.repeat(450)).map((chunk) => chunk.length)).toEqual([200, 200, 50]);
  });
});

describe('the 12-key keypad as keyboard events', () => {
  it('maps arrows, Enter, Back, digits and Help; ignores the rest', () => {
    const key = (name: string) => keypadAction({ key: name, altKey: false, ctrlKey: false, metaKey: false });
    expect(['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'Enter', 'Backspace', 'Escape', 'F1', '7', 'a'].map(key)).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'enter',
      'back',
      'back',
      'help',
      { digit: '7' },
      null,
    ]);
    expect(keypadAction({ key: 'ArrowDown', altKey: true, ctrlKey: false, metaKey: false })).toBeNull();
  });
});

describe("the host's spoken log", () => {
  it('keeps the latest lines in order, bounded', () => {
    const log = new SpokenLog(2);
    for (const text of ['一', '二', '三']) log.record({ text, locale: 'zh-CN' });
    expect(log.lines().map((line) => line.text)).toEqual(['二', '三']);
  });
});
