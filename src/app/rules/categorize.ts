/**
 * `categorize`: interactive review of uncategorized entries, grouped by merchant (largest total
 * first), each with a suggested category; search-as-you-type over categories, skip, or "always"
 * (file them and make a rule). Needs a terminal: @inquirer/prompts is loaded only here.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { allCategories, categoryPath } from '../../ledger/categories.js';
import { setManual, uncategorizedByMerchant } from '../../ledger/manual-edits.js';
import { listUserRules } from '../../ledger/rules-store.js';
import { loadEngine } from './rules-engine.js';
import { openLedger } from '../../ledger/open.js';
import { storeRules } from './rules.js';
import { merchantRule, uniqueName } from './rules-suggest.js';
import { tEntry as say } from '../../core/messages/cli-tx-entry.js';

/** Read one key from the terminal (no Enter needed); returns one of `keys` (lower-case). */
export async function askKey(question: string, keys: readonly string[]): Promise<string> {
  process.stdout.write(question);
  const stdin = process.stdin;
  return new Promise((resolve) => {
    stdin.setRawMode?.(true);
    stdin.resume();
    const onData = (buf: Buffer) => {
      const key = buf.toString('utf8').toLowerCase();
      if (key === '\u0003') process.exit(130);
      if (!keys.includes(key)) return;
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      process.stdout.write(`${key}\n`);
      resolve(key);
    };
    stdin.on('data', onData);
  });
}

export function requireTerminal(ctx: Context): void {
  if (!ctx.interactive || !process.stdin.isTTY) {
    throw new PocketbookError('NO_TTY', say('needsTerminal'), {
      hint: say('withoutOne'),
    });
  }
}

export async function runCategorize(ctx: Context): Promise<{ filed: number; rules: number }> {
  requireTerminal(ctx);
  const { search, select } = await import('@inquirer/prompts');
  const db = openLedger(ctx.ledgerPath);
  try {
    const groups = uncategorizedByMerchant(db);
    if (groups.length === 0) {
      ctx.io.out(say('nothingToCategorize'));
      return { filed: 0, rules: 0 };
    }
    const locale = ctx.settings.locale;
    const choices = allCategories(db).map((c) => ({ id: c.id, path: categoryPath(db, c.id, locale), en: categoryPath(db, c.id, 'en'), zh: categoryPath(db, c.id, 'zh') }));
    const engine = loadEngine(db, { createCategories: false });
    let filed = 0;
    let rules = 0;
    for (const [i, g] of groups.entries()) {
      const guess = engine.rules.evaluate({ description: g.merchant, merchant: g.merchant, amount: g.total, currency: g.currency, account: '', channel: 'unknown' }).category;
      const suggested = guess ? choices.find((c) => c.id === guess.value) : undefined;
      ctx.io.out(`\n${say(g.count === 1 ? 'group1' : 'groupN', { i: i + 1, total: groups.length, merchant: g.merchant, n: g.count, amount: formatMinor(g.total, g.currency), currency: g.currency })}`);
      const what = await select({
        message: say('whatNow'),
        choices: [
          ...(suggested ? [{ name: say('fileUnder', { path: suggested.path }), value: 'suggested' }] : []),
          { name: say('choose'), value: 'choose' },
          { name: say('always'), value: 'always' },
          { name: say('skip'), value: 'skip' },
          { name: say('stop'), value: 'stop' },
        ],
      });
      if (what === 'stop') break;
      if (what === 'skip') continue;
      let category = what === 'suggested' ? suggested : undefined;
      if (!category) {
        const id = await search<number>({
          message: say('pickCategory'),
          source: (term) => {
            const t = (term ?? '').toLowerCase();
            return choices.filter((c) => c.en.toLowerCase().includes(t) || c.zh.includes(t)).map((c) => ({ name: c.path, value: c.id }));
          },
        });
        category = choices.find((c) => c.id === id);
      }
      if (!category) continue;
      const ids = g.ids.split(',').map(Number);
      setManual(db, ids, { categoryId: category.id });
      filed += ids.length;
      if (what === 'always') {
        const existing = listUserRules(db);
        const name = uniqueName(new Set(existing.map((r) => r.name.toLowerCase())), g.merchant);
        storeRules(db, [...existing, merchantRule(name, g.merchant, category.en)]);
        rules++;
      }
    }
    return { filed, rules };
  } finally {
    db.close();
  }
}
