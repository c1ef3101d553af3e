/**
 * Which of esbuild's shared chunks to merge into one file (the build's second step, see bundle.ts).
 *
 * esbuild splits code shared by lazily loaded modules into one chunk per distinct set of importers,
 * which gave `report month` 65 files to load. Node 20's ES module loader spends about a millisecond on
 * each file (resolve, read, compile, link), more than parsing a few dozen kilobytes costs, and
 * esbuild has no option to make chunks coarser. This plan merges chunks that are loaded together
 * often enough to pay for the bytes they add where they are not needed.
 *
 * The cost of a run is, for each file it loads, FILE_MS plus KB_MS per kilobyte, plus PACKAGE_MS when
 * the file imports an outside package at load time (iconv-lite, yaml, csv-parse cost far more than
 * their import line). The runs considered are every lazily loaded module with the modules that load
 * it (a command, its subcommand, the renderers they call), each counted once. Merges are greedy, best
 * saving first, and never:
 *   - merge an entry (a module something imports by name at run time: its file name must stay);
 *   - merge a chunk that imports an outside package (it would load that package for every run);
 *   - put two chunks with an export of the same name into one file;
 *   - create an import cycle between files (evaluation order would change).
 */

/** One output file of the first step, as esbuild's metafile describes it. */
export interface OutputFile {
  bytes: number;
  /** A module imported by name (an entry point or a dynamic `import()`): never merged. */
  entry: boolean;
  /** Files it imports statically (loaded with it). */
  imports: string[];
  /** Files it may load later with `import()`. */
  dynamicImports: string[];
  exports: string[];
  /** Loads an outside package (or a Node built-in not loaded yet) when it loads. */
  importsPackage: boolean;
}

export interface CostModel {
  fileMs: number;
  kbMs: number;
  packageMs: number;
}

/**
 * Built-ins Node has loaded before our code runs (requiring them costs nothing). Any other import
 * a file makes outside the bundle (a package, node:child_process, node:crypto …) counts as a package.
 * A `require` inside a function counts too: the metafile does not say it is lazy.
 */
const LOADED_BUILTINS = new Set(['fs', 'path', 'url', 'os', 'module', 'events', 'util', 'buffer', 'process']);

/** Whether a file loads an outside package when it loads (from its metafile imports). */
export function loadsPackage(imports: readonly { path: string; kind: string; external?: boolean }[]): boolean {
  return imports.some((i) => i.external === true && (i.kind === 'import-statement' || i.kind === 'require-call') && !LOADED_BUILTINS.has(i.path.replace(/^node:/, '')));
}

/** Measured on the 2-core build machine with Node 20 (see ARCHITECTURE.md, "Start-up"). */
export const COSTS: CostModel = { fileMs: 1.5, kbMs: 0.035, packageMs: 10 };

/** How many of the best-looking merges are checked exactly each round. */
const CANDIDATES_PER_ROUND = 40;

/** Groups of two or more file names to merge; files not named stay as they are. */
export function planChunkMerges(files: ReadonlyMap<string, OutputFile>, roots: readonly string[], costs: CostModel = COSTS): string[][] {
  const plan = new MergePlan(files, costs);
  const runs = loadRuns(files, roots);
  while (plan.mergeBest(runs));
  return plan.groups().filter((group) => group.length > 1);
}

/** Each lazily loaded file with the chain of files that load it, back to a root. */
export function loadRuns(files: ReadonlyMap<string, OutputFile>, roots: readonly string[]): string[][] {
  const loadedBy = new Map<string, string | null>(roots.map((root) => [root, null]));
  const queue = [...roots];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const file of staticClosure(files, next)) {
      for (const target of files.get(file)?.dynamicImports ?? []) {
        if (loadedBy.has(target)) continue;
        loadedBy.set(target, next);
        queue.push(target);
      }
    }
  }
  return [...loadedBy.keys()].map((file) => {
    const chain: string[] = [];
    for (let at: string | null | undefined = file; at; at = loadedBy.get(at)) chain.push(at);
    return chain;
  });
}

function staticClosure(files: ReadonlyMap<string, OutputFile>, from: string, seen = new Set<string>()): Set<string> {
  if (seen.has(from)) return seen;
  seen.add(from);
  for (const file of files.get(from)?.imports ?? []) staticClosure(files, file, seen);
  return seen;
}

class MergePlan {
  /** File → the group it is in (named by its first file). */
  private readonly groupOf = new Map<string, string>();
  private readonly members = new Map<string, string[]>();

  constructor(private readonly files: ReadonlyMap<string, OutputFile>, private readonly costs: CostModel) {
    for (const name of files.keys()) {
      this.groupOf.set(name, name);
      this.members.set(name, [name]);
    }
  }

  groups(): string[][] {
    return [...this.members.values()];
  }

  /** Merge the pair that saves most; false when no merge saves anything. */
  mergeBest(runs: readonly string[][]): boolean {
    const loaded = runs.map((run) => this.loadedBy(run));
    const before = this.totalCost(loaded);
    for (const [a, b] of this.candidates(loaded)) {
      if (!this.allowed(a, b)) continue;
      const undo = this.merge(a, b);
      if (this.totalCost(runs.map((run) => this.loadedBy(run))) < before) return true;
      undo();
    }
    return false;
  }

  /** Pairs of mergeable groups loaded together somewhere, best estimated saving first. */
  private candidates(loaded: readonly Set<string>[]): Array<[string, string]> {
    const runsOf = new Map<string, Set<number>>();
    loaded.forEach((groups, run) => {
      for (const group of groups) {
        if (!this.mergeable(group)) continue;
        let set = runsOf.get(group);
        if (!set) runsOf.set(group, (set = new Set()));
        set.add(run);
      }
    });
    const groups = [...runsOf.keys()];
    const scored: Array<{ saving: number; pair: [string, string] }> = [];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!, b = groups[j]!;
        const inA = runsOf.get(a)!, inB = runsOf.get(b)!;
        let both = 0;
        for (const run of inA) if (inB.has(run)) both++;
        if (both === 0) continue;
        // Estimate, leaving out what each group's own imports would add: checked exactly later.
        const saving = this.costs.fileMs * both - this.kbCost(b) * (inA.size - both) - this.kbCost(a) * (inB.size - both);
        if (saving > 0) scored.push({ saving, pair: [a, b] });
      }
    }
    return scored.sort((x, y) => y.saving - x.saving).slice(0, CANDIDATES_PER_ROUND).map((s) => s.pair);
  }

  private mergeable(group: string): boolean {
    return this.members.get(group)!.every((file) => !this.files.get(file)!.entry && !this.files.get(file)!.importsPackage);
  }

  private allowed(a: string, b: string): boolean {
    const names = new Set(this.members.get(a)!.flatMap((file) => this.files.get(file)!.exports));
    if (this.members.get(b)!.some((file) => this.files.get(file)!.exports.some((name) => names.has(name)))) return false;
    return !this.reachesThroughOthers(a, b) && !this.reachesThroughOthers(b, a);
  }

  /** Does `from` import `to` by way of some third group (merging them would make a cycle)? */
  private reachesThroughOthers(from: string, to: string): boolean {
    for (const next of this.importsOf(from)) {
      if (next !== to && this.closure(next).has(to)) return true;
    }
    return false;
  }

  private merge(a: string, b: string): () => void {
    const moved = this.members.get(b)!;
    this.members.set(a, [...this.members.get(a)!, ...moved]);
    this.members.delete(b);
    for (const file of moved) this.groupOf.set(file, a);
    return () => {
      this.members.set(a, this.members.get(a)!.slice(0, -moved.length));
      this.members.set(b, moved);
      for (const file of moved) this.groupOf.set(file, b);
    };
  }

  private importsOf(group: string): Set<string> {
    const out = new Set<string>();
    for (const file of this.members.get(group)!) {
      for (const target of this.files.get(file)!.imports) {
        const other = this.groupOf.get(target)!;
        if (other !== group) out.add(other);
      }
    }
    return out;
  }

  private closure(group: string, seen = new Set<string>()): Set<string> {
    if (seen.has(group)) return seen;
    seen.add(group);
    for (const next of this.importsOf(group)) this.closure(next, seen);
    return seen;
  }

  private loadedBy(run: readonly string[]): Set<string> {
    const seen = new Set<string>();
    for (const file of run) this.closure(this.groupOf.get(file)!, seen);
    return seen;
  }

  private totalCost(loaded: readonly Set<string>[]): number {
    let total = 0;
    for (const groups of loaded) for (const group of groups) total += this.cost(group);
    return total;
  }

  private cost(group: string): number {
    const packages = this.members.get(group)!.filter((file) => this.files.get(file)!.importsPackage).length;
    return this.costs.fileMs + this.kbCost(group) + this.costs.packageMs * packages;
  }

  private kbCost(group: string): number {
    return (this.costs.kbMs * this.members.get(group)!.reduce((sum, file) => sum + this.files.get(file)!.bytes, 0)) / 1024;
  }
}
