import type { Reader } from '../../types.js';
import { camtReader } from './camt.js';
import { otpReader } from './otp.js';
import { qifReader } from './qif.js';

/** Readers for QIF, ISO 20022 camt and other layouts outside OFX/CSV. */
export const otherReaders: Reader[] = [qifReader, camtReader, otpReader];
