/**
 * Messages of the app's file work: receipts in the attachment store, backups, `check`, and the
 * threads that read, index and apply rules (their crash messages).
 */
import { messages } from '../i18n.js';

export const tAppSafety = messages({
  diskFull: { en: 'the disk is full', zh: '磁盘已满' },
  storeNotWritable: { en: 'the store is not writable', zh: '附件库无法写入' },
  cannotStore: { en: 'cannot store the file in the attachment store ({why}); nothing was attached', zh: '无法把文件存入附件库（{why}）；未添加任何附件' },
  damaged: { en: 'the stored copy of "{name}" is damaged (its content does not match its SHA-256)', zh: '“{name}”的存档副本已损坏（内容与 SHA-256 不符）' },
  damagedHint: {
    en: 'attach the original again with `pocketbook tx attach` (it replaces the damaged copy), or restore the attachments folder from a backup',
    zh: '请用 `pocketbook tx attach` 重新添加原文件（会替换损坏的副本），或者从备份恢复附件文件夹',
  },
  notAFile: { en: 'is not a file', zh: '不是文件' },
  doesNotExist: { en: 'does not exist', zh: '不存在' },
  permissionDenied: { en: 'cannot be read (permission denied)', zh: '无法读取（没有权限）' },
  cannotRead: { en: 'cannot be read ({why})', zh: '无法读取（{why}）' },
  cannotCreateStore: { en: 'cannot create the attachment store ({why})', zh: '无法创建附件库（{why}）' },
  missingCopy: { en: 'the stored copy of "{name}" is missing', zh: '“{name}”的存档副本不见了' },
  restoreHint: { en: 'restore the attachments folder from a backup', zh: '请从备份恢复附件文件夹' },
  noAttachments: { en: 'entry {id} has no attachments', zh: '第 {id} 笔记录没有附件' },
  cannotCreateFolder: { en: 'cannot create the folder ({why})', zh: '无法创建文件夹（{why}）' },
  symlink: { en: 'is a symbolic link; refusing to write through it', zh: '是符号链接，拒绝通过它写入' },
  symlinkHint: { en: 'remove the link or export to another folder', zh: '请删除这个链接，或者导出到别的文件夹' },
  cannotWriteCopy: { en: 'cannot write the copy ({why})', zh: '无法写入副本（{why}）' },
  nothingToBackUp: { en: 'no ledger here yet, nothing to back up', zh: '这里还没有账本，没有可备份的内容' },
  cannotCreateBackup: { en: 'cannot create the backup folder ({why})', zh: '无法创建备份文件夹（{why}）' },
  backupFailed: { en: 'backup failed ({why}); nothing was kept', zh: '备份失败（{why}）；没有保留任何内容' },
  fileTooLarge: { en: 'the file is larger than this system allows', zh: '文件超过了系统允许的大小' },
  writeFailed: { en: '{code}: a write failed; is the disk full or failing?', zh: '{code}：写入失败；磁盘是否已满或出了故障？' },
  ledgerBad: { en: 'the ledger {problem}; no backup was made', zh: '账本{problem}；未做备份' },
  ledgerBadHint: { en: 'keep your older backups; `pocketbook check` lists what is wrong', zh: '请保留以前的备份；`pocketbook check` 会列出问题所在' },
  notLedgerV0: { en: 'is not a pocketbook ledger (schema version 0)', zh: '不是 pocketbook 账本（结构版本为 0）' },
  newer: { en: 'has schema version {version}, newer than this pocketbook understands ({latest})', zh: '结构版本是 {version}，比这个版本的 pocketbook 能读懂的（{latest}）更新' },
  hashMismatch: { en: 'is damaged: its content does not hash to its name', zh: '已损坏：内容的哈希值与文件名不符' },
  manifestMissing: { en: 'is missing: not a complete pocketbook backup', zh: '不见了：这不是完整的 pocketbook 备份' },
  notManifest: { en: 'is not a pocketbook backup manifest', zh: '不是 pocketbook 备份清单' },
  outsideBackup: { en: 'is outside the backup folder', zh: '在备份文件夹之外' },
  missing: { en: 'is missing', zh: '不见了' },
  changed: { en: 'has changed since the backup was made (SHA-256 differs from the manifest)', zh: '备份之后被改动过（SHA-256 与清单不符）' },
  nothingThere: { en: 'does not exist (no ledger or backup there)', zh: '不存在（那里没有账本或备份）' },
  readerStopped: { en: 'the reading thread stopped (exit code {code})', zh: '读取线程已停止（退出码 {code}）' },
  searchStopped: { en: 'the search index builder stopped', zh: '搜索索引的构建线程已停止' },
  rulesStopped: { en: 'the rules worker stopped (exit code {code}) before it finished', zh: '规则线程在完成之前停止了（退出码 {code}）' },
  noReader: { en: 'no reader "{id}"', zh: '没有名为“{id}”的读取方式' },
});
