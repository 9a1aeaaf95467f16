import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../main/contract/errors.js';
import { synthesizeSpeech } from '../../main/services/voice/speechSynthesizer.js';

/** Seconds of 16-bit mono audio in a WAV made by espeak-ng, from its header. */
function wavSeconds(wav: Buffer): number {
  expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
  const sampleRate = wav.readUInt32LE(24);
  const bytesPerSecond = wav.readUInt32LE(28);
  expect(sampleRate).toBeGreaterThanOrEqual(16_000);
  return (wav.length - 44) / bytesPerSecond;
}

describe('speech made on the host with espeak-ng (the display fallback)', () => {
  it('speaks a call in Mandarin and in English, each for as long as the words take', async () => {
    const chinese = await synthesizeSpeech('请 A001 号到 3 号窗口办理', 'zh-CN');
    const english = await synthesizeSpeech('Number A001, please go to window 3', 'en');
    expect(wavSeconds(chinese)).toBeGreaterThan(1.5);
    expect(wavSeconds(english)).toBeGreaterThan(1.5);
    const short = await synthesizeSpeech('请', 'zh-CN');
    expect(wavSeconds(short)).toBeLessThan(wavSeconds(chinese) / 2);
  });

  it('takes text beginning with a dash as text, not as an option', async () => {
    expect(wavSeconds(await synthesizeSpeech('--help', 'en'))).toBeGreaterThan(0.2);
  });

  it('says plainly when the speech engine is missing', async () => {
    const failure = await synthesizeSpeech('测试', 'zh-CN', 'espeak-ng-not-here').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/not installed/) });
  });
});
