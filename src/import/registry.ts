/**
 * Every reader pocketbook knows, most specific first. A new format is one module plus one line here.
 */
import type { Reader } from './types.js';
import { ofxReader } from './formats/ofx.js';
import { csvReader } from './formats/csv.js';
import { chinaReaders } from './formats/china/index.js';
import { otherReaders } from './formats/other/index.js';
import { appReaders } from './formats/apps/index.js';

export const READERS: readonly Reader[] = [ofxReader, csvReader, ...chinaReaders, ...otherReaders, ...appReaders];

export function readerById(id: string): Reader | undefined {
  return READERS.find((r) => r.id === id);
}
