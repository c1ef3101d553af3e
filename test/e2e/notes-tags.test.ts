import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO_ROOT } from './helpers.js';
import { seededLedger } from './history-helpers.js';

describe('notes and tags (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const id = String(t.ids('瑞幸')[0]);

  it('adds, edits and deletes notes, each with its time', () => {
    expect(t.run(['tx', 'note', id, 'dinner with Li Wei, split later']).stdout).toMatch(/added note 1/);
    expect(t.run(['tx', 'note', id, 'second']).code).toBe(0);
    expect(t.run(['tx', 'note', id, '--edit', '2', 'second, edited']).code).toBe(0);
    let show = t.json<{ notes: { id: number; text: string; created_at: string; updated_at: string }[] }>(['tx', 'show', id]);
    expect(show.notes.map((n) => n.text)).toEqual(['dinner with Li Wei, split later', 'second, edited']);
    expect(show.notes[0]!.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(t.run(['tx', 'note', id, '--delete', '1']).code).toBe(0);
    show = t.json(['tx', 'show', id]);
    expect(show.notes.map((n) => n.id)).toEqual([2]);
    const bad = t.run(['tx', 'note', id, '--delete', '99']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/has no note 99/);
    expect(t.run(['tx', 'note', '999999', 'x']).stderr).toMatch(/no entry with id 999999/);
    expect(t.run(['tx', 'note', 'abc', 'x']).code).toBe(2);
  });

  it('tags and untags entries, lists tags with counts and filters by tag', () => {
    const other = String(t.ids('美团')[0]);
    expect(t.run(['tx', 'tag', id, 'travel', 'kyoto-2026']).code).toBe(0);
    expect(t.run(['tx', 'tag', other, 'travel']).code).toBe(0);
    expect(t.run(['tx', 'untag', id, 'kyoto-2026']).stdout).toMatch(/removed kyoto-2026/);
    expect(t.json(['tag', 'list'])).toEqual([{ tag: 'travel', count: 2 }]);
    expect(t.run(['tag', 'list']).stdout).toMatch(/travel\s+2/);
    const listed = t.json<{ id: number; tags: string[] }[]>(['tx', 'list', '--tag', 'travel']);
    expect(listed.map((e) => e.id).sort()).toEqual([Number(id), Number(other)].sort());
    expect(t.run(['tx', 'tag', id, 'two words']).code).toBe(1);
  });

  it('keeps notes and tags when the same statement is imported again', () => {
    const again = t.run(['import', path.join(REPO_ROOT, 'examples', 'wallet-wechat-2026-09-10.csv')]);
    expect(again.code, again.stderr).toBe(0);
    const show = t.json<{ notes: unknown[]; tags: string[] }>(['tx', 'show', id]);
    expect(show.notes).toHaveLength(1);
    expect(show.tags).toEqual(['travel']);
  });

  it('keeps manual data through rules apply --all and undo of another batch; own batch undo needs --force', () => {
    expect(t.run(['rules', 'apply', '--all']).code).toBe(0);
    const batches = t.json<{ id: number; file: string }[]>(['import', 'list']);
    const other = batches.find((b) => b.file.endsWith('.ofx'))!;
    const own = batches.find((b) => b.file.startsWith('wallet-wechat'))!;
    expect(t.run(['import', 'undo', String(other.id)]).code).toBe(0);
    const show = t.json<{ notes: unknown[]; tags: string[] }>(['tx', 'show', id]);
    expect(show.notes).toHaveLength(1);
    expect(show.tags).toEqual(['travel']);
    const refused = t.run(['import', 'undo', String(own.id)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/note/);
    expect(t.json<{ notes: unknown[] }>(['tx', 'show', id]).notes).toHaveLength(1);
  });
});
