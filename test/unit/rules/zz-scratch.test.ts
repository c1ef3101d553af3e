import { test } from 'vitest';
import { CompiledRules } from '../../../src/rules/compile.js';
import { AhoCorasick } from '../../../src/rules/aho-corasick.js';
import { DEFAULT_RULES } from '../../../src/rules/defaults/index.js';
test('speed', () => {
  const rules = new CompiledRules(DEFAULT_RULES.map((rule, i) => ({ rule, origin: 'default' as const, categoryId: i + 1 })));
  const base = ['POS 1234 STARBUCKS #0042 SHANGHAI', '支付宝-云膳过桥米线(传奇广场店)', 'AMAZON MKTPLACE PMTS AMZN.COM/BI', '某某公司 转账 123456', 'TAKAHACHI RESTAURANTNEW YORK', '美团外卖订单 8888', 'Random thing 42'];
  const descs: string[] = []; for (let i = 0; i < 1000; i++) descs.push(base[i % base.length]! + i);
  let t0 = performance.now();
  let n = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const o = rules.evaluate({ description: descs[i % 1000]!, merchant: '', amount: -1000, currency: 'CNY', account: 'a', channel: 'card' });
    if (o.category) n++;
  }
  console.log('1M evals ms', performance.now() - t0, n);
  const lits = DEFAULT_RULES.flatMap(r => r.match.description!.split('|'));
  const ac = new AhoCorasick(lits);
  t0 = performance.now(); n = 0;
  for (let i = 0; i < 1_000_000; i++) ac.scan(descs[i % 1000]!, () => { n++; });
  console.log('1M AC ms', performance.now() - t0, n);
});
