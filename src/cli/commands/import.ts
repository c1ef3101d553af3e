import type { Command } from 'commander';
import { type CliContext, action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tInfer } from '../../core/messages/import-infer.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { tImport as t } from '../../core/messages/cli-import.js';
import { tMoveIn } from '../../core/messages/movein.js';

interface ImportCliOptions {
  account?: string;
  profile?: string;
  encoding?: string;
  dryRun?: boolean;
  strict?: boolean;
  explain?: boolean;
  type?: string;
  dateFormat?: string;
  categoryMap?: string;
}

/** Reader names `--type` takes (the full list is in its error message). */
const READER_TYPE_EXAMPLES = ['csv', 'ofx', 'qif', 'camt', 'xlsx', 'xls', 'alipay', 'wechat', 'suishouji', 'qianji', 'wacai'];

/** Registers `pocketbook import`. */
export function register(program: Command): void {
  const imp = program
    .command('import')
    .description(tCliHelp('import'))
    .argument('<file...>', t('argFiles'))
    .option('--account <name>', t('optAccount'))
    .option('--profile <name|path>', tInfer('optProfile'))
    .option('--type <type>', tInfer('optType', { types: [...READER_TYPE_EXAMPLES, '…'].join(', ') }))
    .option('--date-format <format>', tInfer('optDateFormat'))
    .option('--category-map <file>', tMoveIn('optCategoryMap'))
    .option('--encoding <encoding>', t('optEncoding'))
    .option('--dry-run', t('optDryRun'))
    .option('--strict', t('optStrict'))
    .option('--explain', t('optExplain'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook import ~/Downloads/statement.ofx ~/Downloads/cmb.csv',
        'pocketbook import cmb.csv --account "CMB Card" --profile my-bank.yaml --dry-run',
        'pocketbook import export.csv --encoding gb18030 --json',
        'pocketbook import statement.ofx --strict',
        'pocketbook import export.txt --type csv',
        'pocketbook import giro.qif --date-format DD/MM/YY',
        'pocketbook import export.csv --profile my-bank',
        'pocketbook import suishouji.xlsx qianji.csv --dry-run --category-map categories.yaml',
        'pocketbook import wacai.xlsx --category-map categories.yaml',
        'pocketbook import old-ledger.json',
        'pocketbook import list',
        'pocketbook import undo 3'], zh: ['pocketbook import ~/下载/招商银行账单.csv ~/下载/支付宝交易明细.csv', 'pocketbook import 招行.csv --account "招行信用卡" --profile my-bank.yaml --dry-run', 'pocketbook import 账单.csv --encoding gb18030 --json', 'pocketbook import statement.ofx --strict', 'pocketbook import 导出.txt --type csv', 'pocketbook import giro.qif --date-format DD/MM/YY', 'pocketbook import 账单.csv --profile my-bank', 'pocketbook import 随手记导出.xlsx 钱迹账单.csv --dry-run --category-map 分类对应.yaml', 'pocketbook import 挖财导出.xlsx --category-map 分类对应.yaml', 'pocketbook import 旧账本.json', 'pocketbook import list', 'pocketbook import undo 3'] }) + `\n${t('importNote')}\n`,
    )
    .action(
      action(async (ctx, files: string[], opts: ImportCliOptions) => {
        if (opts.explain) {
          const { draftProfile } = await import('../../app/import/profiles.js');
          for (const file of files) ctx.io.out(await draftProfile(file, opts.encoding));
          return 0;
        }
        const { importFiles } = await import('../../app/import/import-files.js');
        const { importJson, importText } = await import('../../app/import/import-summary.js');
        const run = await importFiles(ctx, files, opts);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(importJson(run), null, 2));
        else ctx.io.out(importText(run));
        return run.failed > 0 ? 1 : 0;
      }),
    );
  imp
    .command('list')
    .description(t('list'))
    .addHelpText('after', examples('pocketbook import list', 'pocketbook import list --json'))
    .action(action(async (ctx) => listBatchesCommand(ctx)));
  imp
    .command('undo <batch-id>')
    .description(t('undo'))
    .option('--force', t('optForce'))
    .addHelpText('after', examples('pocketbook import undo 3', 'pocketbook import undo 3 --force'))
    .action(action(async (ctx, id: string, o: { force?: boolean }) => undoCommand(ctx, id, Boolean(o.force))));
}

async function listBatchesCommand(ctx: CliContext): Promise<number> {
  const { listBatchViews } = await import('../../app/import/batches.js');
  const batches = listBatchViews(ctx);
  if (batches.length === 0 && ctx.format === 'table') {
    ctx.io.out(t('noImports'));
    return 0;
  }
  await printTable(
    ctx,
    {
      columns: [
        { key: 'id', header: 'ID', numeric: true }, { key: 'imported_at', header: t('colImported') }, { key: 'file', header: t('colFile') },
        { key: 'account', header: t('colAccount') }, { key: 'format', header: t('colFormat') }, { key: 'rows', header: t('colRows'), numeric: true },
        { key: 'new', header: t('colNew'), numeric: true }, { key: 'duplicates', header: t('colDup'), numeric: true },
        { key: 'skipped', header: t('colSkipped'), numeric: true }, { key: 'entries', header: t('colHeld'), numeric: true }, { key: 'sha', header: 'SHA-256' },
      ],
      rows: batches.map((b) => ({ ...b, imported_at: b.imported_at.slice(0, 19).replace('T', ' '), sha: b.sha256.slice(0, 12), format: b.profile ?? b.format })),
    },
    batches,
  );
  return 0;
}

async function undoCommand(ctx: CliContext, id: string, force: boolean): Promise<number> {
  const { undoBatch, describeLost } = await import('../../app/import/batches.js');
  const r = undoBatch(ctx, id, force);
  const lost = describeLost(r.lost);
  if (lost) ctx.io.err(t('deletedWith', { what: lost }));
  if (ctx.format === 'json') ctx.io.out(JSON.stringify({ batch: r.id, file: r.file, removed: r.removed, hand_entries: r.hand_entries }, null, 2));
  else {
    ctx.io.out(t('undid', { id: r.id, file: r.file, n: r.removed }));
    if (r.hand_entries > 0) ctx.io.out(t('handEntriesBack', { n: r.hand_entries }));
  }
  return 0;
}
