/** The lines an app export adds to the import summary: where its categories went, and the map file. Pure. */
import type { FileResult } from './import-files.js';
import type { CategoryMapLine } from './move-in.js';
import { tMoveIn as t } from '../../core/messages/movein.js';

export type { CategoryMapLine };

export function categoryMapLines(f: FileResult): string[] {
  if (!f.categoryMap) return [];
  const lines = f.categoryMap.length === 0 ? [] : [
    t('mapHead'),
    ...f.categoryMap.map((m) => t(m.created ? 'mapLineNew' : 'mapLine', { from: m.from, to: m.to, n: m.n })),
  ];
  const file = f.categoryMapFile;
  if (file) lines.push(t(file.written ? 'mapWritten' : 'mapRead', { file: file.file }));
  return lines;
}
