/**
 * No user-visible English literal is left in the command, app and render code: every word a
 * person reads comes from a catalogue (src/core/messages). The test parses each `.ts` under
 * src/cli, src/app and src/render with the TypeScript compiler and reports string and template
 * literals that look like English prose (two words of letters, or a capitalized word), except
 * where a literal is plainly not for people: module paths, SQL, object keys, type literals,
 * comparisons with outside values, option flags and command names, regex sources, strings inside
 * `messages({...})`, and --debug output.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['src/cli', 'src/app', 'src/render'];

/**
 * Files whose English is data, not interface: the ledger/hledger/beancount journals' account names
 * (`Equity:Transfers`, `Assets:Unknown`) and comments are part of the journal those tools read.
 */
const DATA_FILES = new Set<string>(['src/app/export/journal-format.ts', 'src/app/export/journal-names.ts']);


/**
 * Literals that look like English but are not read as prose, with the reason. Keep it short:
 * `file: exact literal text`.
 */
const ALLOW = new Map<string, string>([
  ['src/app/setup/demo.ts: Demo', 'an account type label written to the demo ledger data, not interface text'],
  ['src/cli/report-output.ts: asciichart has no plot()', 'an internal error (a broken install), reported as one with --debug'],
  ['src/render/html/badge-card.ts: system-ui,-apple-system,&quot;PingFang SC&quot;,&quot;Noto Sans CJK SC&quot;,sans-serif', 'a CSS font list (font names)'],
  ["src/render/html/page.ts: default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'", 'the Content-Security-Policy'],
  ['src/app/entries/tx-add-parse.ts: Cash', "the default cash account's stored name (data; 现金 and cash both find it)"],
]);

/** Calls whose string arguments are not for people (`examples` takes command lines, typed as they are). */
const NON_PROSE_CALLS = new Set(['messages', 'examples', 'helpCommand', 'Set', 'require', 'RegExp', 'prepare', 'exec', 'pragma', 'import', 'alias', 'aliases', 'name', 'startsWith', 'endsWith', 'includes', 'split', 'join', 'replace', 'replaceAll', 'indexOf', 'has', 'get', 'set', 'getOptionValue', 'setOptionValue', 'on', 'once', 'emit', 'toLocaleString', 'localeCompare', 'padStart', 'padEnd', 'lap']);

/** Calls whose first argument only is not for people: the flags, the command's name and arguments. Their descriptions are. */
const FLAG_CALLS = new Set(['option', 'requiredOption', 'command', 'argument', 'Option', 'Argument', 'helpOption', 'createOption']);

const PROSE = /[A-Za-z]{2,}[^A-Za-z0-9_.\\:]*\s[^A-Za-z0-9_.\\:]*[A-Za-z]{2,}|\b[A-Z][a-z]{2,}\b/;
/** A list of enum values or flags (`expense | income | transfer`): typed as they are, in every language. */
const CHOICES = /^\s*[a-z_-]+(\s*\|\s*[a-z_-]+)+\s*$/;
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|VACUUM|ANALYZE|ATTACH|DETACH|REINDEX)\b/i;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...files(rel));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(rel);
  }
  return out;
}

function pending(rel: string): boolean {
  return DATA_FILES.has(rel);
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (e.kind === ts.SyntaxKind.ImportKeyword) return 'import';
  return '';
}

/** Mentions `debug` (ctx.debug, debug, opts.debug): the condition of --debug-only output. */
function mentionsDebug(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if ((ts.isIdentifier(n) && n.text === 'debug') || (ts.isPropertyAccessExpression(n) && n.name.text === 'debug')) found = true;
    else n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/** Why a literal at this place is not prose for people, or undefined when it may be. */
function excluded(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent) || ts.isLiteralTypeNode(parent)) return true;
    if (ts.isPropertyAssignment(parent) && parent.name === child) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
    if (ts.isCaseClause(parent) && parent.expression === child) return true;
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.InKeyword].includes(parent.operatorToken.kind)) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && child !== parent.expression && NON_PROSE_CALLS.has(calleeName(parent))) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && FLAG_CALLS.has(calleeName(parent)) && parent.arguments?.[0] === child) return true;
    if (ts.isIfStatement(parent) && child === parent.thenStatement && mentionsDebug(parent.expression)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right && mentionsDebug(parent.left)) return true;
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue && mentionsDebug(parent.condition)) return true;
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return undefined;
}

/**
 * What a reader sees of a literal that is HTML, SVG or CSS: the text between the tags, without the
 * tags and their attributes, style rules and character references (the words are in the catalogue).
 */
function visibleText(text: string): string {
  return text
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[^{};]*\{[^{}]*\}?/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
}

/** The English-looking literals of one source text, as `line: text`. */
export function englishLiterals(rel: string, source: string): string[] {
  const sf = ts.createSourceFile(rel, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) {
      if (PROSE.test(visibleText(text)) && !SQL.test(text) && !CHOICES.test(text) && !excluded(node) && !ALLOW.has(`${rel}: ${text}`)) {
        found.push(`${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
      }
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

/**
 * The lower layers (import, ledger, rules, core) hold much English that is data: bank header words,
 * month names, SQL, profile fields. There only the literals that reach a person are scanned: the
 * arguments of the calls that build a PocketbookError (directly or through a template, a condition
 * or `??`), `hint:` values, the `message` of a `warning` event, and the texts kept in a variable
 * named for the message it becomes (`message`, `problem`, `why`).
 */
const ERROR_SCANNED = ['src/import', 'src/ledger', 'src/rules', 'src/core'];
export const ERROR_CALLS = new Set(['PocketbookError', 'usageError', 'notFound', 'fail', 'amountError', 'dateError', 'ofxParseError', 'camtError', 'qifError', 'otpError', 'xlsBroken', 'zipBroken', 'roundedMessage']);
const MESSAGE_VARIABLES = new Set(['message', 'problem', 'why']);

/** Whether a literal, through the expressions that wrap it, ends up in an error, a hint or a warning. */
function reachesPerson(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && child !== parent.expression) return ERROR_CALLS.has(calleeName(parent));
    if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
      const name = parent.name.getText();
      if (name === 'hint') return true;
      if (name === 'message' && ts.isObjectLiteralExpression(parent.parent)) {
        return parent.parent.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'type' && p.initializer.getText() === "'warning'");
      }
      continue;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === child) return MESSAGE_VARIABLES.has(parent.name.getText());
    if (ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || ts.isConditionalExpression(parent) || ts.isParenthesizedExpression(parent)) continue;
    if (ts.isBinaryExpression(parent) && child !== parent.left && parent.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) continue;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) continue;
    if (ts.isObjectLiteralExpression(parent) || ts.isSpreadAssignment(parent)) continue;
    return false;
  }
  return false;
}

/** The English literals of one lower-layer source text that reach a person, as `line: text`. */
export function englishErrors(rel: string, source: string): string[] {
  const sf = ts.createSourceFile(rel, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && PROSE.test(text) && reachesPerson(node) && !ALLOW.has(`${rel}: ${text}`)) {
      found.push(`${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

describe('no English error for people in import, ledger, rules and core', () => {
  it('their errors, hints and warnings speak through src/core/messages', () => {
    const found: string[] = [];
    for (const rel of ERROR_SCANNED.flatMap(files)) {
      if (rel.startsWith('src/core/messages/')) continue;
      const here = englishErrors(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'));
      found.push(...here);
    }
    if (process.env.I18N_ERRORS_DUMP) fs.writeFileSync(process.env.I18N_ERRORS_DUMP, found.join('\n'));
    expect(found).toEqual([]);
  });

  it('catches an English error, hint or warning written into the lower layers', () => {
    const rel = 'src/import/x.ts';
    expect(englishErrors(rel, "throw new PocketbookError('BAD_INPUT', 'the file is empty');")).toEqual([`${rel}:1: the file is empty`]);
    expect(englishErrors(rel, 'throw usageError(`--top ${n} is too many`);')).toHaveLength(1);
    expect(englishErrors(rel, "throw new PocketbookError('PROFILE', t('x'), { hint: 'see the profile list' });")).toHaveLength(1);
    expect(englishErrors(rel, "events.push({ type: 'warning', line, message: 'amount was rounded' });")).toHaveLength(1);
    expect(englishErrors(rel, "const problem = bad ? 'is not a real date' : undefined;")).toHaveLength(1);
  });

  it('leaves data alone: header words, SQL, month names, catalogue keys', () => {
    const ok = [
      "const HEADERS = ['Transaction Date', 'Posting Date'];",
      "db.prepare('SELECT id FROM entries WHERE kind = 1');",
      "throw new PocketbookError('CSV_DATE', tErrors('badDate', { raw }), { hint: tErrors('dateHint') });",
      "const MONTHS = { Jan: 1, Feb: 2 };",
    ];
    for (const source of ok) expect(englishErrors('src/import/x.ts', source), source).toEqual([]);
  });
});

describe('no English literal for people outside the catalogue', () => {
  it('src/cli, src/app and src/render speak only through src/core/messages', () => {
    const found: string[] = [];
    const problems: string[] = [];
    for (const rel of SCANNED.flatMap(files)) {
      if (pending(rel)) continue;
      const here = englishLiterals(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'));
      found.push(...here);
      problems.push(...here);
    }
    if (process.env.I18N_LITERALS_DUMP) fs.writeFileSync(process.env.I18N_LITERALS_DUMP, found.join('\n'));
    expect(problems).toEqual([]);
  });

  it('catches a message written into a command', () => {
    const source = `export function run(ctx) { ctx.io.err('Imported 3 files'); }`;
    expect(englishLiterals('src/cli/commands/x.ts', source)).toEqual(['src/cli/commands/x.ts:1: Imported 3 files']);
    expect(englishLiterals('src/cli/commands/x.ts', 'const s = `new ${n} / duplicates ${d}`;')).toHaveLength(1);
    expect(englishLiterals('src/cli/commands/x.ts', "program.description('Show the month')")).toHaveLength(1);
    expect(englishLiterals('src/cli/commands/x.ts', "cmd.option('--top <n>', 'rows to show')")).toHaveLength(1);
  });

  it('leaves paths, SQL, keys, flags, catalogues and --debug output alone', () => {
    const ok = [
      "import { x } from '../core/errors.js';",
      "const m = messages({ saved: { en: 'Saved it all', zh: '已保存' } });",
      "db.prepare('SELECT id FROM entries WHERE x = 1');",
      "program.option('--ledger <path>', t('ledger'));",
      "phases?.lap('report cache updated');",
      "if (ctx.debug) ctx.io.err('read on a second thread');",
      "const o = { 'Some Key': 1 }; if (x === 'integer overflow') y();",
      "type T = 'Hello World';",
    ];
    for (const source of ok) expect(englishLiterals('src/app/x.ts', source), source).toEqual([]);
  });
});
