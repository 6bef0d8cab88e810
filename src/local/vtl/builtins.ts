import { HostObject, fromJson, javaString } from './java-values';
import { jsonPath } from './jsonpath';

/** The request's (or the integration response's) parameters, as `$input.params()` gives them. */
export interface InputParameters {
  readonly path: { readonly [name: string]: string };
  readonly querystring: { readonly [name: string]: string };
  readonly header: { readonly [name: string]: string };
}

/**
 * `$input`: the payload and parameters a template maps, per API Gateway's mapping template
 * reference. A payload that is not JSON has no paths.
 */
export class InputObject implements HostObject {
  private parsed?: { readonly json: unknown; readonly ok: boolean };

  constructor(private readonly rawBody: string, private readonly parameters: InputParameters) {}

  public property(name: string): unknown {
    if (name === 'body') return this.body();
    return undefined;
  }

  public call(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'body':
      case 'getBody': return this.body();
      case 'json': return this.json(args[0] === undefined ? '$' : javaString(args[0]));
      case 'path': return this.path(javaString(args[0]));
      case 'params': return args.length === 0 ? this.allParams() : this.param(javaString(args[0]));
      default: return undefined;
    }
  }

  /** The raw payload; `{}` when there is none, as API Gateway gives it. */
  private body(): string {
    return this.rawBody === '' ? '{}' : this.rawBody;
  }

  /** The JSON at a path, as text; `""` when nothing is there. */
  private json(path: string): string {
    const value = this.document() === undefined ? undefined : jsonPath(this.document(), path);
    return JSON.stringify(value === undefined ? '' : value);
  }

  /** The value at a path, as an object templates can walk (maps, lists, strings, numbers). */
  private path(path: string): unknown {
    const document = this.document();
    return document === undefined ? undefined : fromJson(jsonPath(document, path));
  }

  /** A parameter by name, from the path, then the query string, then the headers; `''` when none has it. */
  private param(name: string): string {
    const { path, querystring, header } = this.parameters;
    const headerName = Object.keys(header).find(h => h.toLowerCase() === name.toLowerCase());
    return path[name] ?? querystring[name] ?? (headerName !== undefined ? header[headerName] : undefined) ?? '';
  }

  private allParams(): Map<string, unknown> {
    const { path, querystring, header } = this.parameters;
    return new Map<string, unknown>([
      ['path', new Map(Object.entries(path))],
      ['querystring', new Map(Object.entries(querystring))],
      ['header', new Map(Object.entries(header))],
    ]);
  }

  private document(): unknown {
    if (!this.parsed) {
      try {
        this.parsed = { json: JSON.parse(this.rawBody), ok: true };
      } catch {
        this.parsed = { json: undefined, ok: false };
      }
    }
    return this.parsed.ok ? this.parsed.json : undefined;
  }
}

/** `$util`: the helpers API Gateway gives mapping templates. */
export class UtilObject implements HostObject {
  public property(): unknown {
    return undefined;
  }

  public call(name: string, args: unknown[]): unknown {
    const arg = args[0];
    if (arg === undefined || arg === null) return undefined;
    const text = javaString(arg);
    switch (name) {
      case 'escapeJavaScript': return escapeJavaScript(text);
      case 'parseJson': return fromJson(JSON.parse(text));
      case 'urlEncode': return urlEncode(text);
      case 'urlDecode': return decodeURIComponent(text.replace(/\+/g, ' '));
      case 'base64Encode': return Buffer.from(text, 'utf-8').toString('base64');
      case 'base64Decode': return Buffer.from(text, 'base64').toString('utf-8');
      default: return undefined;
    }
  }
}

/**
 * Apache Commons' `escapeJavaScript`, which API Gateway's `$util.escapeJavaScript` is: quotes,
 * backslashes and `/` escaped with a backslash, control characters as `\n`-style escapes or
 * `\u00XX`, and every character beyond ASCII as `\uXXXX`.
 */
export function escapeJavaScript(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length > 1) {
      // Outside the basic plane: both UTF-16 halves, escaped.
      out += `\\u${hex(ch.charCodeAt(0))}\\u${hex(ch.charCodeAt(1))}`;
    } else if (code > 0x7f) {
      out += `\\u${hex(code)}`;
    } else if (code < 0x20) {
      out += ({ 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' } as { [c: number]: string })[code] ?? `\\u${hex(code)}`;
    } else if (ch === "'" || ch === '"' || ch === '\\' || ch === '/') {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  return out;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** Java's `URLEncoder.encode(text, "UTF-8")`: spaces as `+`, and only letters, digits and `.-*_` left as they are. */
function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()~]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}
