import type { Reader } from '../types.js';

/** OFX/QFX statements. (Being written.) */
export const ofxReader: Reader = {
  id: 'ofx',
  describe: 'OFX/QFX statements',
  detect: () => ({ score: 0 }),
  read: () => [],
};
