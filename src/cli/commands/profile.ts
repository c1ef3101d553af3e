import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tInfer } from '../../core/messages/import-infer.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';
import { tNotes } from '../../core/messages/cli-help-notes.js';

/** Registers `pocketbook profile list | show NAME | create [--from FILE]`. */
export function register(program: Command): void {
  const profile = program
    .command('profile')
    .description(tCmd('profileCsvProfilesThe'))
    .addHelpText(
      'after',
      examples(
        'pocketbook profile list',
        'pocketbook profile show revolut',
        'pocketbook profile create --from ~/Downloads/export.csv > my-bank.yaml',
        'pocketbook import ~/Downloads/export.csv --profile my-bank.yaml',
      ),
    );

  profile
    .command('list')
    .description(tCmd('profileListTheBuilt'))
    .addHelpText('after', examples('pocketbook profile list', 'pocketbook profile list --json'))
    .action(
      action(async (ctx) => {
        const { listProfiles } = await import('../../app/import/profiles.js');
        const profiles = await listProfiles();
        await printTable(
          ctx,
          { columns: [{ key: 'name', header: say('colProfile') }, { key: 'describe', header: say('colLayout') }], rows: profiles.map((p) => ({ ...p })) },
          profiles,
        );
      }),
    );

  profile
    .command('show')
    .description(tCmd('profilePrintAProfile'))
    .argument('<name>', tCmd('profileBuiltInProfile'))
    .addHelpText('after', examples('pocketbook profile show generic', 'pocketbook profile show de-ing > my-ing.yaml', 'pocketbook profile show ./my-bank.yaml --json'))
    .action(
      action(async (ctx, name: string) => {
        const { showProfile } = await import('../../app/import/profiles.js');
        const shown = await showProfile(name);
        ctx.io.out(ctx.format === 'json' ? JSON.stringify(shown.profile, null, 2) : shown.yaml);
      }),
    );
  registerCreate(profile);
}

/** `profile create --from FILE`: a profile drafted from the file, asking only what it cannot tell. */
function registerCreate(profile: Command): void {
  profile
    .command('create')
    .description(tCmd('profileDraftAStarter'))
    .requiredOption('--from <file>', tCmd('profileACsvExport'))
    .option('--encoding <encoding>', tCmd('profileTextEncodingOf'))
    .option('--yes', tCmd('profileTakeTheDefault'))
    .option('--sheet <sheet>', tInfer('optSheet'))
    .option('--save [name]', tInfer('optSave'))
    .addHelpText(
      'after',
      examples(
        'pocketbook profile create --from ~/Downloads/export.csv > my-bank.yaml',
        'pocketbook profile create --from kontoauszug.csv --encoding windows-1252',
        'pocketbook profile create --from card.csv --yes > card.yaml',
        'pocketbook profile create --from export.xlsx --sheet Umsätze --save my-bank',
        'pocketbook import export.xlsx --profile my-bank',
      ) + `${tNotes('profileCreate')}${tInfer('createFromHelp')}\n`,
    )
    .action(
      action(async (ctx, opts: { from: string; encoding?: string; yes?: boolean; sheet?: string; save?: string | boolean }) => {
        const { draftProfile, saveProfile } = await import('../../app/import/profiles.js');
        // Only what the file cannot tell is asked; --yes takes the first (default) choice; without a terminal, no prompt (refused with the question).
        const ask = opts.yes
          ? async (_q: string, choices: string[]) => choices[0]!
          : process.stdin.isTTY && process.stderr.isTTY
            ? async (question: string, choices: string[]) => {
                const { select } = await import('@inquirer/prompts');
                return select({ message: question, choices: choices.map((value) => ({ value })) }, { output: process.stderr });
              }
            : undefined;
        const yaml = await draftProfile(opts.from, opts.encoding, ask, opts.sheet);
        if (opts.save !== undefined && opts.save !== false) {
          const saved = saveProfile(yaml, typeof opts.save === 'string' ? opts.save : undefined);
          ctx.io.err(tInfer('profileSaved', saved));
        }
        ctx.io.out(yaml);
      }),
    );
}
