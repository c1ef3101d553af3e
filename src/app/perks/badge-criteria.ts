/** The built-in badges and what earns each (for `badges --help`; light: no ledger, no IO). */
export { BUILTIN_CRITERIA } from '../../reports/perks/criteria.js';
