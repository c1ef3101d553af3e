/**
 * The bundle's merge plan (src/build/chunk-plan.ts): chunks loaded together become one file, and
 * no merge may load much more than a run needs, pull in an outside package, join two exports of the
 * same name or make an import cycle.
 */
import { describe, expect, it } from 'vitest';
import { type OutputFile, loadRuns, loadsPackage, planChunkMerges } from '../../../src/build/chunk-plan.js';

const KB = 1024;

function graph(files: Record<string, Partial<OutputFile>>): Map<string, OutputFile> {
  return new Map(Object.entries(files).map(([name, file]) => [name, {
    bytes: KB, entry: false, imports: [], dynamicImports: [], exports: [`from_${name.replace(/\W/g, '_')}`], importsPackage: false, ...file,
  }]));
}

const groupOf = (groups: string[][], name: string) => groups.find((g) => g.includes(name)) ?? [name];

describe('loadRuns', () => {
  it('lists each lazily loaded file with the files that load it', () => {
    const files = graph({
      'main.js': { entry: true, imports: ['chunk-a.js'] },
      'chunk-a.js': { dynamicImports: ['report.js'] },
      'report.js': { entry: true, dynamicImports: ['month.js'] },
      'month.js': { entry: true },
    });
    expect(loadRuns(files, ['main.js'])).toEqual([['main.js'], ['report.js', 'main.js'], ['month.js', 'report.js', 'main.js']]);
  });
});

describe('planChunkMerges', () => {
  it('merges chunks that every run loads together, and never an entry', () => {
    const files = graph({
      'main.js': { entry: true, imports: ['chunk-a.js', 'chunk-b.js'], dynamicImports: ['x.js'] },
      'x.js': { entry: true, imports: ['chunk-b.js'] },
      'chunk-a.js': {},
      'chunk-b.js': { imports: ['chunk-c.js'] },
      'chunk-c.js': {},
    });
    const groups = planChunkMerges(files, ['main.js']);
    expect(groupOf(groups, 'chunk-a.js').sort()).toEqual(['chunk-a.js', 'chunk-b.js', 'chunk-c.js']);
    expect(groupOf(groups, 'main.js')).toEqual(['main.js']);
    expect(groupOf(groups, 'x.js')).toEqual(['x.js']);
  });

  it('keeps a large chunk apart from a small one when most runs need only the small one', () => {
    const files = graph({
      'main.js': { entry: true, dynamicImports: ['a.js', 'b.js', 'c.js'] },
      'a.js': { entry: true, imports: ['chunk-big.js', 'chunk-small.js'] },
      'b.js': { entry: true, imports: ['chunk-small.js'] },
      'c.js': { entry: true, imports: ['chunk-small.js'] },
      'chunk-big.js': { bytes: 400 * KB },
      'chunk-small.js': {},
    });
    expect(planChunkMerges(files, ['main.js'])).toEqual([]);
  });

  it('never merges a chunk that imports an outside package', () => {
    const files = graph({
      'main.js': { entry: true, imports: ['chunk-a.js', 'chunk-yaml.js'] },
      'chunk-a.js': {},
      'chunk-yaml.js': { importsPackage: true },
    });
    expect(planChunkMerges(files, ['main.js'])).toEqual([]);
  });

  it('never puts two exports of the same name into one file', () => {
    const files = graph({
      'main.js': { entry: true, imports: ['chunk-a.js', 'chunk-b.js'] },
      'chunk-a.js': { exports: ['parseDate'] },
      'chunk-b.js': { exports: ['parseDate', 'other'] },
    });
    expect(planChunkMerges(files, ['main.js'])).toEqual([]);
  });

  it('never makes an import cycle between files', () => {
    // a → pkg → b: joining a and b would have the new file import pkg, which imports it back.
    const files = graph({
      'main.js': { entry: true, imports: ['chunk-a.js'] },
      'chunk-a.js': { imports: ['chunk-pkg.js'] },
      'chunk-pkg.js': { importsPackage: true, imports: ['chunk-b.js'] },
      'chunk-b.js': {},
    });
    expect(planChunkMerges(files, ['main.js'])).toEqual([]);
  });

  it('counts what a merged file imports: a chunk that would drag in a package stays apart', () => {
    // chunk-b is small, but everything it imports (and the package) would load for runs of y.js.
    const files = graph({
      'main.js': { entry: true, dynamicImports: ['x.js', 'y.js', 'z.js'] },
      'x.js': { entry: true, imports: ['chunk-a.js', 'chunk-b.js'] },
      'y.js': { entry: true, imports: ['chunk-a.js'] },
      'z.js': { entry: true, imports: ['chunk-a.js'] },
      'chunk-a.js': {},
      'chunk-b.js': { imports: ['chunk-pkg.js'] },
      'chunk-pkg.js': { importsPackage: true },
    });
    expect(groupOf(planChunkMerges(files, ['main.js']), 'chunk-a.js')).toEqual(['chunk-a.js']);
  });
});

describe('loadsPackage', () => {
  it('counts packages and built-ins Node has not loaded, whether imported or required', () => {
    const ext = (path: string, kind = 'import-statement') => [{ path, kind, external: true }];
    expect(loadsPackage(ext('yaml'))).toBe(true);
    expect(loadsPackage(ext('node:child_process', 'require-call'))).toBe(true);
    expect(loadsPackage(ext('node:crypto'))).toBe(true);
    expect(loadsPackage(ext('node:fs', 'require-call'))).toBe(false);
    expect(loadsPackage(ext('path', 'require-call'))).toBe(false);
    expect(loadsPackage(ext('yaml', 'dynamic-import'))).toBe(false); // loaded later, by the code that asks
    expect(loadsPackage([{ path: 'dist/x.js', kind: 'import-statement' }])).toBe(false); // bundled
  });
});
