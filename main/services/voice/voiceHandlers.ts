import type { RpcHandlers } from '../../contract/rpc.js';
import type { SpokenLog } from './spokenLog.js';
import { synthesizeSpeech } from './speechSynthesizer.js';

export function voiceHandlers(spoken: SpokenLog): Pick<RpcHandlers, 'voice.synthesize'> {
  return {
    'voice.synthesize': async ({ text, locale }) => {
      spoken.record({ text, locale });
      return { wav: (await synthesizeSpeech(text, locale)).toString('base64') };
    },
  };
}
