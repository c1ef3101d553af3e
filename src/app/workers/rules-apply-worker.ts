/**
 * The second thread of `rules apply` on a big ledger (see applyRulesParallel): decides the
 * entries of one id range on its own read-only connection and posts back what to write. Its
 * rules, aliases and categories come by message, as the main thread's engine has them (that
 * thread created any category the rules name before starting this worker).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openLedger } from '../../ledger/open.js';
import { buildEngine } from '../../rules/engine.js';
import { decideEntries, type RulesWorkerInput, type RulesWorkerMessage } from '../rules/rules-apply.js';

const input = workerData as RulesWorkerInput;
const post = (m: RulesWorkerMessage) => parentPort!.postMessage(m);
const db = openLedger(input.ledgerPath, { readonly: true });
try {
  const engine = buildEngine(input.rules);
  const result = decideEntries(db, engine, input.all, { after: input.after, upto: input.upto }, (updates) => post({ type: 'updates', updates }));
  post({ type: 'done', result });
} finally {
  db.close();
}
