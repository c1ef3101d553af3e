/**
 * Text search over description, merchant and notes. (Plain substring scan for now; an
 * indexed version is being written.)
 */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** A condition on transactions aliased `t` matching `text` as a substring. */
export function searchCondition(text: string): SqlCondition {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: `(t.description LIKE ? ESCAPE '\\' OR t.merchant LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM notes n WHERE n.tx_id = t.id AND n.text LIKE ? ESCAPE '\\'))`,
    params: [like, like, like],
  };
}
