import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';
import { tNotes } from '../../core/messages/cli-help-notes.js';
import { kindLabel } from '../../app/safety/check.js';

/** Registers `pocketbook check`. */
export function register(program: Command): void {
  program
    .command('check')
    .description(tCmd('checkVerifyALedger'))
    .argument('[path]', tCmd('checkALedgerFile'))
    .addHelpText(
      'after',
      examples('pocketbook check', 'pocketbook check ~/backups/pocketbook-backup-20261115-093005', 'pocketbook check --json | jq .problems') + tNotes('check'),
    )
    .action(
      action(async (ctx, target: string | undefined) => {
        const { check } = await import('../../app/safety/check.js');
        const r = check(target ?? ctx.ledgerPath);
        const code = r.ok ? 0 : 1;
        if (ctx.format === 'json') {
          ctx.io.out(JSON.stringify(r, null, 2));
          return code;
        }
        if (r.ok) {
          ctx.io.out(say('checkOk', { kind: kindLabel(r.kind), path: r.path }));
          return code;
        }
        ctx.io.out(say(r.problems.length === 1 ? 'problems1' : 'problemsN', { n: r.problems.length, what: r.kind === 'missing' ? '' : `${kindLabel(r.kind)} `, path: r.path }));
        for (const p of r.problems) ctx.io.out(`  ${kindLabel(p.what)}: ${p.path} ${p.problem}`);
        return code;
      }),
    );
}
