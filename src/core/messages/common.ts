/**
 * Words shared by many commands. Each area keeps its own catalogue beside this one
 * (`src/core/messages/<area>.ts`); `test/unit/i18n-catalogue.test.ts` checks them all.
 */
import { messages } from '../i18n.js';

export const tCommon = messages({
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  none: { en: 'none', zh: '无' },
  total: { en: 'Total', zh: '合计' },
  entries: { en: '{n} entries', zh: '{n} 笔' },
});
