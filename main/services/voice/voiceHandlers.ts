import type { RpcHandlers } from '../../contract/rpc.js';
import { synthesizeSpeech } from './speechSynthesizer.js';

export function voiceHandlers(): Pick<RpcHandlers, 'voice.synthesize'> {
  return { 'voice.synthesize': async ({ text, locale }) => ({ wav: (await synthesizeSpeech(text, locale)).toString('base64') }) };
}
