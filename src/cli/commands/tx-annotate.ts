import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tAnnotate as say } from '../../core/messages/cli-annotate.js';

/** Registers `tx note|tag|untag|attach|attachment|split`: the user's own data on entries. */
export function registerTxAnnotate(tx: Command): void {
  registerTxAnnotateTxNote(tx);

  for (const remove of [false, true]) {
    tx.command(remove ? 'untag' : 'tag')
      .description(remove ? say('tagRemove') : say('tagAdd'))
      .argument('<id>', tCmd('annotateEntryId'))
      .argument('<tags...>', tCmd('annotateOneOrMore'))
      .addHelpText('after', remove ? examples({ en: ['pocketbook tx untag 4812 kyoto-2026'], zh: ['pocketbook tx untag 4812 京都-2026'] }) : examples({ en: ['pocketbook tx tag 4812 travel kyoto-2026', 'pocketbook tx list --tag travel'], zh: ['pocketbook tx tag 4812 旅行 京都-2026', 'pocketbook tx list --tag 旅行'] }))
      .action(
        action(async (ctx, id: string, tags: string[]) => {
          const { tagUseCase } = await import('../../app/entries/notes.js');
          const r = tagUseCase(ctx, id, tags, remove);
          if (ctx.format === 'json') return ctx.io.out(JSON.stringify(r, null, 2));
          const said = { tags: r.changed.join(' '), id: r.id, all: r.tags.join(' ') || '—' };
          ctx.io.out(say(r.changed.length ? (remove ? 'tagsRemoved' : 'tagsAdded') : remove ? 'nothingRemoved' : 'nothingAdded', said));
        }),
      );
  }

  registerTxAnnotateTxAttach(tx);

  const att = tx.command('attachment').description(tCmd('annotateOpenExportOr'));
  registerTxAnnotateAttOpen(att);
  registerTxAnnotateAttExport(att);
  registerTxAnnotateAttRemove(att);

  registerTxAnnotateTxSplit(tx);
}

function registerTxAnnotateTxNote(tx: Command): void {
  tx.command('note')
    .description(tCmd('annotateAddANote'))
    .argument('<id>', tCmd('annotateEntryId'))
    .argument('[text]', tCmd('annotateTheNote'))
    .option('--edit <note-id>', tCmd('annotateReplaceTheText'))
    .option('--delete <note-id>', tCmd('annotateDeleteThisNote'))
    .addHelpText('after', examples({ en: ['pocketbook tx note 4812 "dinner with Li Wei, split later"', 'pocketbook tx note 4812 --edit 3 "dinner with Li Wei and Anna"', 'pocketbook tx note 4812 --delete 3'], zh: ['pocketbook tx note 4812 "和李伟吃饭，之后再分摊"', 'pocketbook tx note 4812 --edit 3 "和李伟、安娜吃饭"', 'pocketbook tx note 4812 --delete 3'] }))
    .action(
      action(async (ctx, id: string, text: string | undefined, opts: { edit?: string; delete?: string }) => {
        const { noteUseCase } = await import('../../app/entries/notes.js');
        const r = noteUseCase(ctx, id, text, opts);
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify({ action: r.action, ...r.note }, null, 2));
        ctx.io.out(say(r.action === 'deleted' ? 'noteDeleted' : r.action === 'edited' ? 'noteEdited' : 'noteAdded', { note: r.note.id, id: r.note.tx_id, text: r.note.text }));
      }),
    );
}

function registerTxAnnotateTxAttach(tx: Command): void {
  tx.command('attach')
    .description(tCmd('annotateCopyAReceipt'))
    .argument('<id>', tCmd('annotateEntryId'))
    .argument('<file>', tCmd('annotateTheFileTo'))
    .addHelpText('after', examples('pocketbook tx attach 4812 ~/Pictures/receipt.jpg', 'pocketbook tx show 4812'))
    .action(
      action(async (ctx, id: string, file: string) => {
        const { attachUseCase } = await import('../../app/entries/attachments-use.js');
        const r = attachUseCase(ctx, id, file);
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify({ ...r.attachment, stored: r.stored, repaired: r.repaired, path: r.path }, null, 2));
        ctx.io.out(say(r.repaired ? 'attachedRepaired' : r.stored ? 'attached' : 'attachedKept', { name: r.attachment.name, mime: r.attachment.mime, size: r.attachment.size, id, att: r.attachment.id }));
      }),
    );
}

function registerTxAnnotateAttOpen(att: Command): void {
  att
    .command('open')
    .description(tCmd('annotateOpenAnAttachment'))
    .argument('<id>', tCmd('annotateEntryId'))
    .argument('[att-id]', tCmd('annotateAttachmentIdNeeded'))
    .addHelpText('after', examples('pocketbook tx attachment open 4812', 'pocketbook tx attachment open 4812 2'))
    .action(
      action(async (ctx, id: string, attId: string | undefined) => {
        const { openAttachmentUseCase } = await import('../../app/entries/attachments-use.js');
        const r = openAttachmentUseCase(ctx, id, attId);
        ctx.io.out(r.path);
        if (!r.opened) ctx.io.err(say('noDisplay'));
      }),
    );
}

function registerTxAnnotateAttExport(att: Command): void {
  att
    .command('export')
    .description(tCmd('annotateCopyAnEntry'))
    .argument('<id>', tCmd('annotateEntryId'))
    .argument('<dir>', tCmd('annotateTargetFolderCreated'))
    .option('--attachment <att-id>', tCmd('annotateOnlyThisAttachment'))
    .addHelpText('after', examples('pocketbook tx attachment export 4812 ~/Desktop/receipts'))
    .action(
      action(async (ctx, id: string, dir: string, opts: { attachment?: string }) => {
        const { exportAttachmentsUseCase } = await import('../../app/entries/attachments-use.js');
        const files = exportAttachmentsUseCase(ctx, id, dir, opts.attachment);
        ctx.io.out(ctx.format === 'json' ? JSON.stringify(files, null, 2) : files.join('\n'));
      }),
    );
}

function registerTxAnnotateAttRemove(att: Command): void {
  att
    .command('remove')
    .description(tCmd('annotateRemoveAnAttachment'))
    .argument('<id>', tCmd('annotateEntryId'))
    .argument('<att-id>', tCmd('annotateAttachmentIdSee'))
    .addHelpText('after', examples('pocketbook tx attachment remove 4812 2'))
    .action(
      action(async (ctx, id: string, attId: string) => {
        const { removeAttachmentUseCase } = await import('../../app/entries/attachments-use.js');
        const r = removeAttachmentUseCase(ctx, id, attId);
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify({ removed: r.attachment, file_removed: r.fileRemoved }, null, 2));
        ctx.io.out(say(r.fileRemoved ? 'attRemoved' : 'attRemovedKept', { att: r.attachment.id, name: r.attachment.name, id }));
      }),
    );
}

function registerTxAnnotateTxSplit(tx: Command): void {
  tx.command('split')
    .description(tCmd('annotateDivideAnEntry'))
    .argument('<id>', tCmd('annotateEntryId'))
    .argument('[parts...]', tCmd('annotateCategoryAmountAmounts'))
    .option('--clear', tCmd('annotateRemoveTheSplit'))
    .addHelpText('after', examples({ en: ['pocketbook tx split 4812 "Dining=-120.00" "Gifts=-80.00"', 'pocketbook tx split 4812 "餐饮=-120" "Shopping:Clothing=-80"', 'pocketbook tx split 4812 --clear'], zh: ['pocketbook tx split 4812 "餐饮=-120.00" "礼物红包:礼物=-80.00"', 'pocketbook tx split 4812 "餐饮=-120" "购物:服饰=-80"', 'pocketbook tx split 4812 --clear'] }))
    .action(
      action(async (ctx, id: string, parts: string[], opts: { clear?: boolean }) => {
        const { splitUseCase } = await import('../../app/entries/splits.js');
        const r = splitUseCase(ctx, id, parts, Boolean(opts.clear));
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify(r, null, 2));
        ctx.io.out(r.cleared ? say('unsplit', { id: r.id }) : say('split', { id: r.id, parts: r.parts.map((p) => `${p.category} ${p.amount}`).join(', ') }));
      }),
    );
}
