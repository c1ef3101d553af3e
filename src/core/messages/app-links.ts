/**
 * Messages of linking transfers by hand (`tx link`, `tx unlink`) and of importing a pocketbook
 * export back (`import FILE.pocketbook.csv`).
 */
import { messages } from '../i18n.js';

export const tAppLinks = messages({
  differCurrency: { en: 'entries {a} ({am}) and {b} ({bm}) differ in currency', zh: '记录 {a}（{am}）和 {b}（{bm}）的币种不同' },
  differAmount: { en: 'entries {a} ({am}) and {b} ({bm}) differ in amount', zh: '记录 {a}（{am}）和 {b}（{bm}）的金额不同' },
  sameWay: { en: 'entries {a} ({am}) and {b} ({bm}) both move money the same way', zh: '记录 {a}（{am}）和 {b}（{bm}）的资金方向相同' },
  itself: { en: 'an entry cannot be linked to itself', zh: '记录不能与自己关联' },
  itselfHint: { en: 'give two different ids', zh: '请给出两个不同的编号' },
  sameAccount: { en: 'entries {a} and {b} are in the same account ({account})', zh: '记录 {a} 和 {b} 在同一个账户里（{account}）' },
  sameAccountHint: { en: 'a transfer links entries of two different accounts', zh: '转账关联的是两个不同账户的记录' },
  forceHint: { en: 'add --force to link them anyway, e.g. an exchange or a fee taken on the way', zh: '如果仍要关联（例如换汇，或中途扣了手续费），请加上 --force' },
  notLinked: { en: 'entry {id} is not linked to anything', zh: '第 {id} 笔记录没有关联任何记录' },
  notLinkedHint: { en: 'see `pocketbook tx show ID`', zh: '查看 `pocketbook tx show ID`' },
  notAnId: { en: '"{text}" is not an entry id', zh: '“{text}”不是记录编号' },
  notAnIdHint: { en: 'ids are the numbers `pocketbook tx list` shows', zh: '记录编号就是 `pocketbook tx list` 显示的数字' },
  badCurrency: { en: 'currency "{value}" is not a currency code', zh: '币种“{value}”不是币种代码' },
  badAmount: { en: 'amount "{value}" is not a number', zh: '金额“{value}”不是数字' },
  splitOrder: { en: "split part of entry {id} does not follow that entry's row", zh: '记录 {id} 的拆分项没有紧跟在该记录那一行之后' },
  badId: { en: 'id "{value}" is not an entry id', zh: 'id“{value}”不是记录编号' },
  badDate: { en: 'date "{value}" is not a date like 2026-09-01', zh: '日期“{value}”不是 2026-09-01 这样的日期' },
  badKind: { en: 'kind "{value}" is not one of expense, income, transfer, refund', zh: 'kind“{value}”不是 expense、income、transfer、refund 之一' },
  badType: { en: 'account_type "{value}" is not an account type', zh: 'account_type“{value}”不是账户类型' },
  searchLater: { en: 'pocketbook: {file}: the search index will catch up on the next search ({why})', zh: 'pocketbook: {file}: 搜索索引会在下次搜索时补上（{why}）' },
});
