/**
 * Numbered migrations, applied in order inside one transaction each; PRAGMA user_version
 * records the last one applied. Never edit a migration that has shipped: add the next one.
 */
import type { Database } from 'better-sqlite3';
import * as m001 from './001-initial.js';
import * as m002 from './002-default-categories.js';
import * as m003 from './003-search.js';
import * as m004 from './004-link-indexes.js';
import * as m005 from './005-report-cache.js';
import * as m006 from './006-report-insert-watermark.js';
import * as m007 from './007-search-short-queries.js';
import * as m008 from './008-kind-check.js';
import * as m009 from './009-search-hash-size.js';
import * as m010 from './010-search-without-sizes.js';
import * as m011 from './011-report-largest.js';
import * as m012 from './012-batch-id-ranges.js';
import * as m013 from './013-search-descriptions.js';
import * as m014 from './014-search-file.js';
import * as m015 from './015-link-before.js';
import * as m016 from './016-balance-checkpoints.js';
import * as m017 from './017-balance-months.js';
import * as m018 from './018-taxonomy.js';
import * as m019 from './019-merchant-names.js';
import * as m020 from './020-hand-entries.js';
import * as m021 from './021-due-day.js';
import * as m022 from './022-benefit-uses.js';
import * as m023 from './023-points.js';
import * as m026 from './026-reimbursements.js';
import * as m027 from './027-recurring-cache.js';

export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, or a function for data migrations. */
  sql?: string;
  up?: (db: Database) => void;
  /**
   * Derived data to build once the migrations are committed, outside their transactions, when an
   * existing ledger is migrated past this version (a new ledger has nothing to derive it from).
   */
  afterCommit?: (db: Database) => void;
  /** Rebuilds a table that others reference: run with foreign keys off, checked before COMMIT. */
  foreignKeysOff?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m017, m018, m019, m020, m021, m022, m023, m026, m027].sort((a, b) => a.version - b.version);

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
