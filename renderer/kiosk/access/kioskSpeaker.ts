import type { Locale } from '../../../main/contract/terminal';
import { speechChunks } from './speechChunks';

/** The host's speech: a WAV (base64) made by espeak-ng for `text`. */
export type HostSpeech = (text: string, locale: Locale) => Promise<string>;

/** A screen's guidance, or the item focus moved to. */
export type SpeechKind = 'prompt' | 'item';

interface Utterance {
  kind: SpeechKind;
  /** The host's WAVs, asked for at once so that the host hears the requests in the order things happened. */
  wavs: Promise<string | null>[];
  volume: number;
}

/**
 * The kiosk's voice: the browser's voice for the language where it has one,
 * else the host's espeak-ng (as the hall display does), at the session's
 * volume. A prompt cuts whatever plays: a citizen who moved on wants to hear
 * where they are now. The focused item waits for the prompt to end (only the
 * latest item waits), and cuts an item still speaking.
 */
export class KioskSpeaker {
  #audio: AudioContext | null = null;
  #playing: { kind: SpeechKind; source: AudioBufferSourceNode | null } | null = null;
  #waiting: Utterance | null = null;
  #generation = 0;

  constructor(private readonly hostSpeech: HostSpeech) {}

  say(text: string, locale: Locale, volume: number, kind: SpeechKind): void {
    const synthesis = 'speechSynthesis' in window ? window.speechSynthesis : null;
    const voice = synthesis?.getVoices().find((candidate) => candidate.lang.replace('_', '-').startsWith(locale === 'zh-CN' ? 'zh' : 'en'));
    if (synthesis && voice) {
      if (kind === 'prompt') synthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      utterance.volume = volume;
      synthesis.speak(utterance);
      return;
    }
    const utterance: Utterance = {
      kind,
      wavs: speechChunks(text).map((chunk) => this.hostSpeech(chunk, locale).catch(() => null)),
      volume,
    };
    if (kind === 'item' && this.#playing?.kind === 'prompt') {
      this.#waiting = utterance;
      return;
    }
    void this.#run(utterance);
  }

  stop(): void {
    this.#generation++;
    this.#waiting = null;
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    const playing = this.#playing;
    this.#playing = null;
    playing?.source?.stop();
  }

  async #run(utterance: Utterance): Promise<void> {
    this.stop();
    const generation = this.#generation;
    this.#playing = { kind: utterance.kind, source: null };
    for (const wav of utterance.wavs) {
      const bytes = await wav;
      if (generation !== this.#generation) return;
      if (bytes) await this.#play(bytes, utterance.volume).catch(() => undefined);
      if (generation !== this.#generation) return;
    }
    this.#playing = null;
    const next = this.#waiting;
    this.#waiting = null;
    if (next) await this.#run(next);
  }

  async #play(base64: string, volume: number): Promise<void> {
    this.#audio ??= new AudioContext();
    const audio = this.#audio;
    // Outside kiosk mode the browser may hold sound back until a touch; resume() then never settles.
    if (audio.state !== 'running') await Promise.race([audio.resume(), new Promise((resolve) => setTimeout(resolve, 500))]);
    if (audio.state !== 'running') throw new Error('sound is not allowed yet');
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    const buffer = await audio.decodeAudioData(bytes.buffer);
    const source = audio.createBufferSource();
    const gain = audio.createGain();
    gain.gain.value = volume;
    source.buffer = buffer;
    source.connect(gain).connect(audio.destination);
    if (this.#playing) this.#playing.source = source;
    await new Promise<void>((resolve) => {
      source.onended = () => resolve();
      source.start();
    });
  }
}
