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
  for (const [offset, frequency] of [[0, 880], [0.45, 660]] as const) {
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

/**
 * Speaks `text` with the browser's speech synthesis and resolves when it has
 * ended. Where there is no voice for the language (Linux often has none), it
 * resolves after about the time the words would take, so the queue keeps its
 * pace and the text still shows on the board.
 */
export function speak(text: string, locale: Locale): Promise<void> {
  const fallbackMs = 600 + text.length * (locale === 'zh-CN' ? 280 : 70);
  const synthesis = 'speechSynthesis' in window ? window.speechSynthesis : null;
  const voice = synthesis?.getVoices().find((candidate) => candidate.lang.replace('_', '-').startsWith(locale === 'zh-CN' ? 'zh' : 'en'));
  if (!synthesis || !voice) return new Promise((resolve) => setTimeout(resolve, fallbackMs));
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    const done = () => resolve();
    utterance.onend = done;
    utterance.onerror = done;
    setTimeout(done, fallbackMs * 3);
    synthesis.speak(utterance);
  });
}
