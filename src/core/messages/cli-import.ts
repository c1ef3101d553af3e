/** `pocketbook import`: its help, the per-file summary, the progress line, `import list` and `import undo`. */
import { messages } from '../i18n.js';

export const tImport = messages({
  argFiles: { en: 'statement files', zh: '账单文件' },
  optAccount: { en: 'account the rows belong to (created if it does not exist)', zh: '这些记录所属的账户（不存在则新建）' },
  optProfile: {
    en: 'CSV profile to read the file with (built-in name or a YAML/JSON file)',
    zh: '读取文件所用的 CSV 格式模板（内置名称或 YAML/JSON 文件）',
  },
  optEncoding: {
    en: 'text encoding (utf-8, utf-16le, gb18030, shift_jis, windows-1252 …); detected when absent',
    zh: '文本编码（utf-8、utf-16le、gb18030、shift_jis、windows-1252 等）；不填则自动识别',
  },
  optDryRun: { en: 'do all the work, write nothing, print what would happen', zh: '完整试运行，不写入任何内容，只显示将会发生什么' },
  optStrict: {
    en: "fail a file (nothing written) whose accounts' entries do not meet the statement's balances",
    zh: '账户账目与账单余额对不上时，该文件导入失败（不写入任何内容）',
  },
  optExplain: {
    en: 'import nothing: print the layout inferred from each file as the profile YAML `profile create` would write',
    zh: '不导入：按 `profile create` 的 YAML 格式显示从每个文件推断出的版式',
  },
  importNote: {
    en: 'Re-importing a file adds nothing; overlapping statements add only new rows.',
    zh: '重复导入同一文件不会新增任何记录；期间重叠的账单只会新增未导入过的记录。',
  },
  list: { en: 'list import batches (file, SHA-256, account, counts, time)', zh: '列出导入批次（文件、SHA-256、账户、笔数、时间）' },
  undo: { en: 'remove exactly the entries one import added', zh: '删除某次导入新增的全部账目（仅限这些）' },
  optForce: { en: 'also delete notes and attachments on those entries', zh: '同时删除这些账目上的备注和附件' },
  noImports: { en: 'no imports yet', zh: '还没有导入记录' },
  colImported: { en: 'Imported', zh: '导入时间' },
  colFile: { en: 'File', zh: '文件' },
  colAccount: { en: 'Account', zh: '账户' },
  colFormat: { en: 'Format', zh: '格式' },
  colRows: { en: 'Rows', zh: '行数' },
  colNew: { en: 'New', zh: '新增' },
  colDup: { en: 'Dup', zh: '重复' },
  colSkipped: { en: 'Skipped', zh: '跳过' },
  colHeld: { en: 'Held', zh: '现存' },
  deletedWith: { en: 'deleted with the entries: {what}', zh: '随账目一并删除：{what}' },
  handEntriesBack: {
    en: '{n} entries you had typed by hand stay, as hand entries again (with their notes, tags and category)',
    zh: '您手动记的 {n} 笔账目保留，重新成为手记账目（备注、标签和分类不变）',
  },
  undid: { en: 'undid batch {id} ({file}): removed {n} entries', zh: '已撤销批次 {id}（{file}）：删除 {n} 笔账目' },
  notBatchId: { en: '"{id}" is not a batch id', zh: '“{id}”不是批次编号' },
  seeImportList: { en: 'see `pocketbook import list`', zh: '见 `pocketbook import list`' },
  noBatch: { en: 'no import batch {id}', zh: '没有编号为 {id} 的导入批次' },
  batchHasData: { en: 'batch {id} ({file}) has {what} on its entries', zh: '批次 {id}（{file}）的账目上有 {what}' },
  undoForce: { en: 'undo with --force to delete them too', zh: '加 --force 撤销将一并删除' },
  and: { en: ' and ', zh: '和' },
  listSep: { en: ', ', zh: '、' },
  note1: { en: '{n} note', zh: '{n} 条备注' },
  noteN: { en: '{n} notes', zh: '{n} 条备注' },
  attachment1: { en: '{n} attachment', zh: '{n} 个附件' },
  attachmentN: { en: '{n} attachments', zh: '{n} 个附件' },
  tag1: { en: '{n} tag', zh: '{n} 个标签' },
  tagN: { en: '{n} tags', zh: '{n} 个标签' },
  split1: { en: '{n} split part', zh: '{n} 个拆分项' },
  splitN: { en: '{n} split parts', zh: '{n} 个拆分项' },
  // the summary of an import run
  fileFailed: { en: '{file}: failed, nothing written', zh: '{file}：导入失败，未写入任何内容' },
  withProfile: { en: '{format} (profile {profile})', zh: '{format}（模板 {profile}）' },
  dryRunHead: { en: '{file} (dry run: nothing written)', zh: '{file}（试运行：未写入任何内容）' },
  batchHead: { en: '{file}  [batch {batch}]', zh: '{file}  [批次 {batch}]' },
  noAccount: { en: '(none)', zh: '（无）' },
  fileInfo: { en: '  account: {account} · format: {format} · encoding: {encoding}', zh: '  账户：{account} · 格式：{format} · 编码：{encoding}' },
  counts: {
    en: '  rows read {rows} · new {new} · duplicates {duplicates} · skipped {skipped} · categorized by rules {categorized} · transfers matched {transfers}',
    zh: '  读取 {rows} 行 · 新增 {new} 笔 · 重复 {duplicates} 笔 · 跳过 {skipped} 笔 · 规则分类 {categorized} 笔 · 匹配转账 {transfers} 笔',
  },
  countsDry: {
    en: '  rows read {rows} · would add {new} · duplicates {duplicates} · skipped {skipped} · categorized by rules {categorized} · transfers matched {transfers}',
    zh: '  读取 {rows} 行 · 将新增 {new} 笔 · 重复 {duplicates} 笔 · 跳过 {skipped} 笔 · 规则分类 {categorized} 笔 · 匹配转账 {transfers} 笔',
  },
  mirrors: { en: ' · mirrored payments {n}', zh: ' · 对应还款 {n} 笔' },
  balancesOk: { en: '  balances: {n} checkpoints reconcile', zh: '  余额：{n} 个核对点全部相符' },
  balancesMismatch: {
    en: '  balances: MISMATCH in "{account}" on {date}: expected {expected}, entries give {actual} (difference {difference})',
    zh: '  余额：“{account}”在 {date} 对不上：应为 {expected}，账目合计 {actual}（差额 {difference}）',
  },
  total: {
    en: '{files} files: added {new}, duplicates {duplicates}, skipped {skipped}',
    zh: '共 {files} 个文件：新增 {new} 笔，重复 {duplicates} 笔，跳过 {skipped} 笔',
  },
  totalDry: {
    en: '{files} files: would add {new}, duplicates {duplicates}, skipped {skipped}',
    zh: '共 {files} 个文件：将新增 {new} 笔，重复 {duplicates} 笔，跳过 {skipped} 笔',
  },
  totalFailed: { en: '; {n} failed', zh: '；{n} 个失败' },
  progress: { en: '{name} [{bar}] {pct}% {rows} rows', zh: '{name} [{bar}] {pct}% 已读 {rows} 行' },
});

/** `n` with the one- or many-form of a catalogue word (English has both; Chinese needs one). */
export function countOf(n: number, one: Parameters<typeof tImport>[0], many: Parameters<typeof tImport>[0]): string {
  return tImport(n === 1 ? one : many, { n });
}
