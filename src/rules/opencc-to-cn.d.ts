/** opencc-js ships no types for its per-direction dictionary modules: `to/cn` is traditional → simplified. */
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
