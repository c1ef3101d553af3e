import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';

/** Registers `pocketbook tag`. */
export function register(program: Command): void {
  const tag = program.command('tag').description(tCmd('tagTagsOnEntries'));
  tag
    .command('list')
    .description(tCmd('tagEveryTagWith'))
    .addHelpText('after', examples('pocketbook tag list', 'pocketbook tag list --json', 'pocketbook tx list --tag travel'))
    .action(
      action(async (ctx) => {
        const { listTags } = await import('../../app/entries/notes.js');
        const rows = listTags(ctx);
        if (ctx.format === 'json') return ctx.io.out(JSON.stringify(rows, null, 2));
        const { renderCsv, renderMarkdown, renderTable } = await import('../../render/table.js');
        const table = { columns: [{ key: 'tag', header: say('colTag') }, { key: 'count', header: say('colEntries'), numeric: true }], rows: rows.map((r) => ({ ...r })) };
        if (ctx.format === 'csv') return ctx.io.out(renderCsv(table));
        if (ctx.format === 'markdown') return ctx.io.out(renderMarkdown(table));
        ctx.io.out(rows.length ? renderTable(table) : say('noTags'));
      }),
    );
}
