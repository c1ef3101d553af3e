/** Texts of bilingual merchants and forgiving search (issue 24 points 4 and 5). */
import { messages } from '../i18n.js';

export const tMerchants = messages({
  optEn: { en: 'record NAME as the English name of the merchant (its Chinese name is the argument)', zh: '把 NAME 记为该商户的英文名（参数为中文名）' },
  optZh: { en: 'record NAME as the Chinese name of the merchant (its English name is the argument)', zh: '把 NAME 记为该商户的中文名（参数为英文名）' },
  optSearch: {
    en: 'only merchants matching this text: either language, pinyin in full or initials, traditional or simplified, any width or case',
    zh: '只列出匹配的商户：中英文名、全拼或首字母、繁体或简体、全角半角、大小写均可',
  },
  named: { en: '"{zh}" and "{en}" now name the same merchant', zh: '已将“{zh}”与“{en}”记为同一商户' },
  bothLanguages: { en: 'use one of --en and --zh', zh: '--en 与 --zh 只能选一个' },
  oneName: { en: 'with --en or --zh, give only the merchant: merchant alias --en NAME MERCHANT', zh: '使用 --en 或 --zh 时只需给出商户名：merchant alias --en 英文名 商户' },
  twoNames: { en: 'give an alias and a merchant, or --en/--zh NAME and a merchant', zh: '请给出别名和商户，或用 --en/--zh 名称 加商户' },
  emptyName: { en: 'the merchant name is empty', zh: '商户名为空' },
  notChinese: { en: '"{name}" has no Chinese characters: a Chinese name is expected', zh: '“{name}”不含汉字，这里需要中文名' },
});
