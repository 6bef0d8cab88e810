// Shared by the stacks: VTL snippets for mapping templates.

/**
 * A VTL expression rendered as the inside of a JSON string, e.g.
 * `'{"id": "' + jsonString("$input.params('id')") + '"}'`.
 *
 * `$util.escapeJavaScript` escapes `'` as `\'`, which is not valid JSON (a body such as
 * `{"name": "O'Brien"}` would make the service call fail), so the escaped quotes are turned back.
 */
export function jsonString(expression: string): string {
  return `$util.escapeJavaScript(${expression}).replaceAll("\\\\'", "'")`;
}
