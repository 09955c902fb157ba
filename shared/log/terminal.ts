/**
 * Text from lists, events and files is printed to operators' terminals. A terminal obeys
 * escape sequences (clear screen, set the window title, OSC 8 links that show one address and
 * open another), so anything that did not come from Flowsentry itself passes through here first.
 */

/** Which layout characters a caller wants to keep; everything else that controls is dropped. */
export interface TerminalOptions {
  /** Keep `\n` (multi-line output such as a table or a report). */
  readonly newlines?: boolean;
  /** Keep `\t`. */
  readonly tabs?: boolean;
}

// Each alternative has disjoint, unnested character classes, so matching stays linear in the
// length of the text whatever an attacker writes.
const SEQUENCES = [
  // OSC, DCS, SOS, PM, APC strings (7-bit or C1 introducer), up to BEL or ST; an unterminated
  // one is dropped to the end of its line, so it cannot hide the lines after it.
  '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0007\\u001b\\u009c\\n]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
  // CSI: parameters, intermediates, final byte.
  '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?',
  // Any other escape sequence: intermediates then one final byte.
  '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?',
  // Bidirectional overrides and isolates reorder what the eye reads ("Trojan source").
  '[\\u202a-\\u202e\\u2066-\\u2069]',
].join('|');

const patterns = new Map<string, RegExp>();

function pattern(options: TerminalOptions): RegExp {
  const key = `${options.newlines === true}${options.tabs === true}`;
  let re = patterns.get(key);
  if (!re) {
    const kept = `${options.tabs ? '' : '\\u0009'}${options.newlines ? '' : '\\u000a'}`;
    const controls = `[\\u0000-\\u0008${kept}\\u000b-\\u001f\\u007f-\\u009f]`;
    re = new RegExp(`${SEQUENCES}|${controls}`, 'g');
    patterns.set(key, re);
  }
  return re;
}

/**
 * `text` without C0/C1 control characters, ANSI/OSC escape sequences and bidi overrides, safe
 * to print. `\n` and `\t` are dropped too unless `options` keeps them; `\r` always goes (it
 * lets a line overwrite itself).
 */
export function forTerminal(text: string, options: TerminalOptions = {}): string {
  return text.replace(pattern(options), '');
}

// JSON.stringify escapes C0 controls but not DEL, C1 or bidi characters; those can only sit
// inside strings, where a \u escape keeps the JSON equal.
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A line of JSON made safe to print: the characters a terminal would obey become `\u` escapes. */
export function jsonForTerminal(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
