/** opencc-js ships no types for its per-direction dictionary modules: `to/cn` is traditional → simplified. */
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}

/** Its dictionaries: `source target|source target|…` strings (traditional → simplified). */
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSPhrases' {
  const dict: string;
  export default dict;
}
