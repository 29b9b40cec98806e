import { TEST_AUDIO_BASE64 } from '../media.js';
import type { TestAudioContentHandler } from '../../generated/types.js';

/** A single audio block. */
export const handler: TestAudioContentHandler = async () => ({
  content: [{ type: 'audio', data: TEST_AUDIO_BASE64, mimeType: 'audio/wav' }],
});
