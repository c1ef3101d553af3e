/**
 * Text from statements and users shown on a terminal or in Markdown. A description can hold
 * `ESC]0;title BEL` (retitles the window), `ESC[2J` (clears the screen), `\r` or `\b` (overwrites
 * what was printed), bidi overrides (reorders what follows): every text output shows those as
 * visible escapes (`\x1b`, `\r`, `\u202e`) instead. JSON and CSV keep the exact text.
 */

/**
 * C0 controls, DEL, C1 controls, the bidi embeddings/overrides/isolates and marks, and the line and
 * paragraph separators (some terminals break lines on them).
 */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const hex = (ch: string): string => {
  const cp = ch.charCodeAt(0);
  return NAMED[ch] ?? (cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`);
};

/** One value (a cell, a field, a name): every control character escaped, tab and newline included. */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, hex) : text;
}

/** A colour code pocketbook itself writes (SGR): kept when colour is on. */
const SGR_OR_CONTROL = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A whole piece of output (lines a command prints): newlines and tabs stay, colour codes stay when
 * `color` is on, every other control character is escaped. The last guard at stdout/stderr for
 * messages that quote a name or a file's content; renderers escape their values themselves.
 */
export function safeOutput(text: string, color = false): string {
  if (color) return text.replace(SGR_OR_CONTROL, (m) => (m.length > 1 ? m : hex(m)));
  CONTROL_BUT_LINES.lastIndex = 0;
  return CONTROL_BUT_LINES.test(text) ? text.replace(CONTROL_BUT_LINES, hex) : text;
}

/**
 * Text that lands inside Markdown (a cell, a heading, a list value): controls escaped as above (so
 * it never spans lines), then everything that would turn it into HTML, a link, an image, an
 * autolink, code or a table column is escaped. Pocketbook never starts a Markdown line with such text
 * (it sits in a cell or after `## `, `- **label**: `, `_`), and with its newlines escaped it cannot
 * start one either, so a leading `#`, `>` or `-` stays plain text. Words, numbers and CJK pass as-is.
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text)
    .replace(/[\\`|]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/!\[/g, '!\\[')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/(\w)@(?=\w)/g, '$1\\@');
}

/**
 * A fence for a code block holding `text`: longer than any run of backticks inside it, so a name
 * holding ``` cannot close the block early.
 */
export function codeFence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text that lands in HTML or SVG (element text or a quoted attribute): controls escaped as above,
 * then `& < > " '` as entities, so a merchant named `<script>` is shown, never run.
 */
export function escapeHtml(text: string): string {
  return escapeControls(text).replace(/[&<>"']/g, (ch) => HTML_SPECIAL[ch]!);
}
