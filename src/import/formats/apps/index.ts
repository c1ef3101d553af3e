import type { Reader } from '../../types.js';
import { suishoujiReader } from './suishouji.js';
import { qianjiReader } from './qianji.js';
import { wacaiReader } from './wacai.js';

/** Readers of the bookkeeping apps people move in from (issue 28): their exports carry many accounts, categories, notes and tags. */
export const appReaders: Reader[] = [suishoujiReader, qianjiReader, wacaiReader];
