import type { Locale } from '../../main/contract/terminal';

let audio: AudioContext | null = null;

/** Whether the browser lets the page make sound yet (autoplay rules want a touch first outside kiosk mode). */
export function soundAllowed(): boolean {
  audio ??= new AudioContext();
  return audio.state === 'running';
}

export async function allowSound(): Promise<void> {
  audio ??= new AudioContext();
  await audio.resume();
}

/** The two-tone chime before an announcement ("ding-dong"). */
export async function chime(): Promise<void> {
  audio ??= new AudioContext();
  if (audio.state !== 'running') return;
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.45, 660],
  ] as const) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.3, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.8);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.8);
  }
  await new Promise((resolve) => setTimeout(resolve, 1300));
}

/** Plays a WAV (the host's speech) and resolves when it has ended. */
async function playWav(base64: string): Promise<void> {
  audio ??= new AudioContext();
  if (audio.state !== 'running') throw new Error('sound is not allowed yet');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const buffer = await audio.decodeAudioData(bytes.buffer);
  const source = audio.createBufferSource();
  source.buffer = buffer;
  source.connect(audio.destination);
  await new Promise<void>((resolve) => {
    source.onended = () => resolve();
    source.start();
  });
}

/**
 * Speaks `text` and resolves when it has ended: with the browser's voice for
 * the language, else with speech the host made (espeak-ng), else, silent,
 * after about the time the words would take, so the queue keeps its pace and
 * the text still shows on the board.
 */
export type SpokenBy = 'browser' | 'host' | 'silent';

export async function speak(
  text: string,
  locale: Locale,
  hostSpeech: (text: string, locale: Locale) => Promise<string>,
): Promise<SpokenBy> {
  const fallbackMs = 600 + text.length * (locale === 'zh-CN' ? 280 : 70);
  const synthesis = 'speechSynthesis' in window ? window.speechSynthesis : null;
  const voice = synthesis?.getVoices().find((candidate) => candidate.lang.replace('_', '-').startsWith(locale === 'zh-CN' ? 'zh' : 'en'));
  if (!synthesis || !voice) {
    try {
      await playWav(await hostSpeech(text, locale));
      return 'host';
    } catch {
      await new Promise((resolve) => setTimeout(resolve, fallbackMs));
      return 'silent';
    }
  }
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    const done = () => resolve('browser');
    utterance.onend = done;
    utterance.onerror = done;
    setTimeout(done, fallbackMs * 3);
    synthesis.speak(utterance);
  });
}
