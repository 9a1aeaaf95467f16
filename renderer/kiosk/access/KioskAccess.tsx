import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../main/contract/terminal';
import { useHost } from '../../client/hostContext';
import { SpokenPromptContext, useSpokenPrompt } from '../../ui/spokenPrompt';
import { ElderOffer } from './ElderOffer';
import { KioskSpeaker, type SpeechKind } from './kioskSpeaker';
import { digitWordsOf, spokenNumber } from './spokenNumber';

const volumeStep = 0.2;

export interface KioskAccess {
  elder: boolean;
  setElder: (on: boolean) => void;
  /** Speech is on (elder mode, the speaker button, or the keypad turned it on) and not muted. */
  speaking: boolean;
  muted: boolean;
  setMuted: (muted: boolean) => void;
  volume: number;
  changeVolume: (direction: 1 | -1) => void;
  /** A screen's guidance (title, what to do, result, error): spoken when speech is on, and what "repeat" says again. */
  prompt: (text: string) => void;
  /** A warning everyone must hear (the idle countdown): spoken even with speech off, unless muted. */
  announce: (text: string) => void;
  /** Something said once (the focused item), not kept for "repeat". */
  say: (text: string) => void;
  /** Says the last prompt again, turning speech on. */
  repeat: () => void;
  turnSpeechOn: () => void;
  /** A ticket or code read digit by digit, in the screen's language. */
  spokenNumber: (label: string) => string;
  /** The ID card says 60 or over: elder mode is offered at once (unless it is on). */
  offerElder: () => void;
  /** The citizen left: elder mode, speech, mute and volume go back to the hall's defaults. */
  endSession: () => void;
}

const AccessContext = createContext<KioskAccess | null>(null);

export function useKioskAccess(): KioskAccess {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useKioskAccess outside KioskAccessProvider');
  return access;
}

/**
 * What one citizen chose for how the kiosk reaches them, for their session
 * only: elder mode (larger, fewer choices, longer timeouts, speech on), speech,
 * mute and volume.
 */
export function KioskAccessProvider({ defaultVolume, children }: { defaultVolume: number; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const speaker = useMemo(
    () => new KioskSpeaker((text, locale) => host.call('voice.synthesize', { text, locale }).then(({ wav }) => wav)),
    [host],
  );
  const [elder, setElderState] = useState(false);
  const [speechOn, setSpeechOn] = useState(false);
  const [muted, setMutedState] = useState(false);
  const [volume, setVolume] = useState(defaultVolume);
  const [offering, setOffering] = useState(false);
  const lastPrompt = useRef('');
  /** The screen's prompt before the last one: what the elder-mode offer interrupted. */
  const promptBefore = useRef('');
  const speaking = speechOn && !muted;
  // Read through a ref so that prompts made in the same render as "speech on" are spoken.
  const live = useRef({ speaking, volume });
  useLayoutEffect(() => {
    live.current = { speaking, volume };
  });

  const speak = useCallback(
    (text: string, kind: SpeechKind, force = false) => {
      if (!text || (!live.current.speaking && !force)) return;
      speaker.say(text, (i18n.language === 'en' ? 'en' : 'zh-CN') as Locale, live.current.volume, kind);
    },
    [speaker, i18n],
  );
  // The first key of the keypad turns speech on (a citizen who cannot see the screen uses it) and says where they are.
  const turnSpeechOn = useCallback(() => {
    if (speechOn || muted) return;
    setSpeechOn(true);
    live.current = { ...live.current, speaking: true };
    speak(lastPrompt.current, 'prompt');
  }, [speechOn, muted, speak]);
  const access = useMemo<KioskAccess>(
    () => ({
      elder,
      setElder: (on) => {
        setElderState(on);
        if (on) {
          live.current = { ...live.current, speaking: !muted };
          setSpeechOn(true);
        }
        speak(t(on ? 'access.elderOn' : 'access.elderOff'), 'item');
      },
      speaking,
      muted,
      setMuted: (next) => {
        setMutedState(next);
        if (next) speaker.stop();
        live.current = { ...live.current, speaking: speechOn && !next };
      },
      volume,
      changeVolume: (direction) => {
        const next = Math.round(Math.min(1, Math.max(0.2, volume + direction * volumeStep)) * 10) / 10;
        setVolume(next);
        live.current = { ...live.current, volume: next };
        speak(t('access.volume', { level: Math.round(next * 10) }), 'item');
      },
      prompt: (text) => {
        promptBefore.current = lastPrompt.current;
        lastPrompt.current = text;
        speak(text, 'prompt');
      },
      say: (text) => speak(text, 'item'),
      announce: (text) => {
        promptBefore.current = lastPrompt.current;
        lastPrompt.current = text;
        speak(text, 'prompt', !muted);
      },
      repeat: () => {
        setSpeechOn(true);
        setMutedState(false);
        live.current = { ...live.current, speaking: true };
        speak(lastPrompt.current, 'prompt', true);
      },
      turnSpeechOn,
      spokenNumber: (label) => spokenNumber(label, digitWordsOf(t('access.digits')), t('access.digitJoin')),
      offerElder: () => {
        if (!elder) setOffering(true);
      },
      endSession: () => {
        speaker.stop();
        setOffering(false);
        setElderState(false);
        setSpeechOn(false);
        setMutedState(false);
        setVolume(defaultVolume);
        live.current = { speaking: false, volume: defaultVolume };
      },
    }),
    [elder, speaking, muted, volume, speechOn, speak, speaker, t, turnSpeechOn, defaultVolume],
  );
  useEffect(() => () => speaker.stop(), [speaker]);
  useEffect(() => {
    document.documentElement.classList.toggle('elder', elder);
    void host.call('citizen.elderMode', { on: elder }).catch(() => undefined);
  }, [host, elder]);
  return (
    <AccessContext.Provider value={access}>
      <SpokenPromptContext.Provider value={access.prompt}>
        {children}
        {offering && (
          <ElderOffer
            onAnswer={(accept) => {
              setOffering(false);
              if (accept) {
                setElderState(true);
                setSpeechOn(true);
                live.current = { ...live.current, speaking: !muted };
              }
              // The offer came over the screen's own guidance: say it again, now in the mode chosen.
              lastPrompt.current = promptBefore.current;
              speak([accept && t('access.elderOn'), promptBefore.current].filter(Boolean).join(' '), 'prompt');
            }}
          />
        )}
      </SpokenPromptContext.Provider>
    </AccessContext.Provider>
  );
}

/** A kiosk screen's spoken guidance (see ui/spokenPrompt.ts). */
export const useVoicePrompt = useSpokenPrompt;
