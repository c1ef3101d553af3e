/**
 * `npm run build`, second step: bundle the compiled CLI (dist/cli/main.js) into dist/bundle/.
 * Node's ESM loader spends about a millisecond per module on resolving, reading and linking,
 * and a report touches some hundred of ours; bundled, a command loads a dozen files.
 *   1. esbuild bundles with code splitting: every dynamic import stays lazy, most packages stay
 *      external (node_modules), and the worker entries sit beside the chunks that start them
 *      (`new URL('./x-worker.js', import.meta.url)`).
 *   2. Shared chunks that are loaded together are merged into one file (chunk-plan.ts says which;
 *      esbuild itself joins each group, so names and evaluation order stay right).
 *   3. Every file becomes CommonJS (dist/bundle/package.json says so), listed with its content
 *      hash in code-ids.json: V8 can then start from the code it compiled last time
 *      (cli/code-cache.ts, loaded first by bin/pocketbook.js).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Metafile, type Plugin, build, transformSync } from 'esbuild';
import { CODE_IDS_FILE } from '../cli/code-cache.js';
import { type OutputFile, loadsPackage, planChunkMerges } from './chunk-plan.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(dist, 'bundle');
const ENTRIES = ['cli/main.js', 'app/workers/read-worker.js', 'app/workers/rules-apply-worker.js', 'app/workers/page-flusher-worker.js', 'app/workers/search-worker.js'];
// commander and better-sqlite3's JavaScript are loaded by every command: bundled too (their
// CommonJS `require` of Node built-ins is the file's own once it is CommonJS, step 3). The addon itself
// stays in node_modules (src/ledger/open.ts passes its path). asciichart (4 KB of CommonJS) is
// bundled into the chunk that draws charts: loaded as a package, Node would first scan it for its
// exports. Other packages stay in node_modules and load lazily.
const EXTERNAL = ['@inquirer/prompts', 'chalk', 'conf', 'csv-parse', 'iconv-lite', 'yaml', 'esbuild', '*.node'];
const CHUNK_REF = /"\.\/(chunk-[A-Z0-9]+\.js)"/g;
const DYNAMIC_IMPORT = /\bimport\("([^"]+)"\)/g;
/** A dynamic import on behalf of the bundle's files (see toCommonJs); plain CommonJS, never from kept code. */
const IMPORT_ESM = 'import-esm.js';
const IMPORT_META_URL = '__pbFileUrl';
const URL_OF_FILE = `var ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;\n`;


/**
 * Node built-ins are taken with `require`, not `import`. For an import, Node 20 builds an ES module
 * facade that reads every export once, which for node:fs loads its stream classes: 2–3 ms per
 * command. Each import becomes a small module that requires the built-in and exports the default
 * and the names that import asks for.
 * commander requires node:child_process only to run external subcommands (we have none), and
 * loading it costs 2 ms for every command: it gets a stand-in that loads it on first use.
 */
const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      if (args.kind === 'require-call' && args.path === 'node:child_process' && /[\\/]commander[\\/]/.test(args.importer)) {
        return { path: args.path, namespace: 'lazy-builtin' };
      }
      if (args.kind !== 'import-statement' || args.importer.includes('node_modules')) return undefined;
      return { path: `${args.path}?${namedImports(args.importer, args.path).join(',')}`, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const [id, names = ''] = args.path.split('?');
      const named = names === '' ? '' : `export const { ${names} } = m;`;
      return { contents: `const m = require(${JSON.stringify(id)});\nexport default m;\n${named}\n`, loader: 'js' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `module.exports = { spawn: (...args) => require(${JSON.stringify(args.path)}).spawn(...args) };`,
      loader: 'js',
    }));
  },
};

/** The names a compiled module imports from a built-in (`import { a, b as c } from 'node:x'` → a, b). */
function namedImports(file: string, id: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/^import\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm)) {
    if (m[2] !== id) continue;
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

const split = await build({
  entryPoints: ENTRIES.map((p) => path.join(dist, p)),
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [builtinsByRequire],
  metafile: true,
  write: false,
  logLevel: 'warning',
});
const texts = new Map(split.outputFiles.map((file) => [path.basename(file.path), file.text]));
const files = outputGraph(split.metafile);
const groups = planChunkMerges(files, ENTRIES.map((p) => path.basename(p)));

const renamed = new Map<string, string>();
const merged = new Map<string, string>();
for (const group of groups) {
  const name = `chunk-${createHash('sha256').update(group.join('\n')).digest('hex').slice(0, 8).toUpperCase()}.js`;
  for (const member of group) renamed.set(member, name);
  merged.set(name, await joinChunks(group));
}

fs.rmSync(outdir, { recursive: true, force: true }); // chunk names change with their content
fs.mkdirSync(outdir, { recursive: true });
const relink = (text: string): string => text.replace(CHUNK_REF, (ref, name: string) => (renamed.has(name) ? `"./${renamed.get(name)}"` : ref));
const outputs = new Map<string, string>();
for (const [name, text] of texts) if (!renamed.has(name)) outputs.set(name, relink(text));
for (const [name, text] of merged) outputs.set(name, relink(text));

// 3. CommonJS, so that cli/code-cache.ts can give V8 the code it compiled last time.
const ids: Record<string, string> = {};
for (const [name, text] of outputs) {
  const code = toCommonJs(name, text, outputs);
  fs.writeFileSync(path.join(outdir, name), code);
  ids[name] = createHash('sha256').update(code).digest('hex').slice(0, 32);
}
fs.writeFileSync(path.join(outdir, CODE_IDS_FILE), `${JSON.stringify(ids, null, 1)}\n`);
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
fs.writeFileSync(path.join(outdir, IMPORT_ESM), '"use strict";\n// import() for the files of the bundle (build/bundle.ts, toCommonJs).\nmodule.exports = (id) => import(id);\n');
// The code cache itself, loaded first by bin/pocketbook.js: one self-contained file.
await build({
  entryPoints: [path.join(dist, 'cli/code-cache.js')],
  outfile: path.join(outdir, 'code-cache.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': IMPORT_META_URL },
  banner: { js: `"use strict";\n${URL_OF_FILE}` },
  logLevel: 'warning',
});

/**
 * One output file as CommonJS. `import.meta.url` becomes the file's URL; a dynamic import of
 * another file of the bundle becomes a require. Other dynamic imports (packages that are only ES
 * modules: chalk, conf, @inquirer/prompts) go through import-esm.js: Node 20 runs no `import()`
 * in code compiled by `vm.Script` (cli/code-cache.ts) without a flag. That file sits beside the
 * others, so a package resolves from the same place.
 */
function toCommonJs(name: string, text: string, ours: ReadonlyMap<string, string>): string {
  const { code } = transformSync(text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': IMPORT_META_URL },
    sourcefile: name,
    logLevel: 'warning',
  });
  const linked = code.replace(DYNAMIC_IMPORT, (_call, id: string) =>
    id.startsWith('./') && ours.has(id.slice(2)) ? `Promise.resolve().then(() => require("${id}"))` : `require("./${IMPORT_ESM}")("${id}")`,
  );
  if (/\bimport\(/.test(linked)) throw new Error(`${name}: an import() the build cannot rewrite (only a quoted name is supported)`);
  const url = linked.includes(IMPORT_META_URL) ? URL_OF_FILE : '';
  return `"use strict";\n${url}${linked}`;
}

/** The first step's files, as the merge plan sees them. */
function outputGraph(metafile: Metafile): Map<string, OutputFile> {
  const graph = new Map<string, OutputFile>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const ours = (kind: string) => output.imports.filter((i) => i.kind === kind && !i.external).map((i) => path.basename(i.path));
    graph.set(path.basename(file), {
      bytes: output.bytes,
      entry: output.entryPoint !== undefined,
      imports: ours('import-statement'),
      dynamicImports: ours('dynamic-import'),
      exports: output.exports,
      importsPackage: loadsPackage(output.imports),
    });
  }
  return graph;
}

/** One file holding every export of the group's chunks; imports of other chunks stay imports. */
async function joinChunks(group: string[]): Promise<string> {
  const members = new Set(group);
  const fromSplit: Plugin = {
    name: 'split-chunks',
    setup(b) {
      b.onResolve({ filter: /^\.\/.+\.js$/ }, (args) => {
        const name = path.basename(args.path);
        return members.has(name) ? { path: name, namespace: 'split' } : { path: args.path, external: true };
      });
      b.onLoad({ filter: /.*/, namespace: 'split' }, (args) => ({ contents: texts.get(args.path)!, loader: 'js' }));
    },
  };
  const result = await build({
    // The plan never groups two chunks exporting the same name, so `export *` loses none.
    stdin: { contents: group.map((name) => `export * from "./${name}";`).join('\n'), loader: 'js', resolveDir: outdir },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    plugins: [fromSplit],
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
