/**
 * Values as Velocity sees them, which are Java's: strings, numbers, booleans, null, lists
 * (JavaScript arrays), maps (JavaScript `Map`s, ordered as Java's LinkedHashMap) and host
 * objects ($input, $util) that answer properties and methods of their own.
 */

/** An object of the gateway's own ($input, $util): its properties and methods, by name. */
export interface HostObject {
  /** `$object.name` (a getter). */
  property(name: string): unknown;
  /** `$object.name(args)`; undefined when it has no such method. */
  call(name: string, args: unknown[]): unknown;
}

export function isHostObject(value: unknown): value is HostObject {
  return typeof value === 'object' && value !== null && typeof (value as HostObject).call === 'function' && typeof (value as HostObject).property === 'function';
}

/** JSON as Velocity receives it from API Gateway's parsers: objects become maps. */
export function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value as object).map(([key, item]) => [key, fromJson(item)]));
  }
  return value;
}

/** A Velocity value as JSON: maps become objects again. */
export function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([key, item]) => [key, toJson(item)]));
  return value;
}

/** A value written out, as Java's `toString` would: `{a=1, b=2}` for a map, `[1, 2]` for a list. */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value instanceof Map) return `{${[...value.entries()].map(([k, v]) => `${k}=${javaString(v)}`).join(', ')}}`;
  return String(value);
}

/** Velocity's truth: everything but null and false is true (an empty string too, in Velocity 1.7). */
export function truthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false;
}

/** Velocity's `==`: numbers by value, same types with equals, others by their strings. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === typeof b && typeof a !== 'object') return a === b;
  return javaString(a) === javaString(b);
}

/** Java's regex replacement string as JavaScript's: `\$` is a dollar, `\\` a backslash. */
function jsReplacement(replacement: string): string {
  return replacement.replace(/\\(.)/g, (_, escaped: string) => (escaped === '$' ? '$$' : escaped));
}

/** The methods of Java's String, List and Map that mapping templates call. */
export function callMethod(target: unknown, name: string, args: unknown[]): unknown {
  if (isHostObject(target)) return target.call(name, args);
  if (typeof target === 'string') return stringMethod(target, name, args);
  if (Array.isArray(target)) return listMethod(target, name, args);
  if (target instanceof Map) return mapMethod(target, name, args);
  if (typeof target === 'number') {
    if (['intValue', 'longValue'].includes(name)) return Math.trunc(target);
    if (['doubleValue', 'floatValue'].includes(name)) return target;
  }
  if (name === 'toString' && target !== null && target !== undefined) return javaString(target);
  if (name === 'equals') return javaEquals(target, args[0]);
  return undefined;
}

function stringMethod(s: string, name: string, args: unknown[]): unknown {
  const arg = (i: number) => javaString(args[i]);
  switch (name) {
    case 'length': return s.length;
    case 'isEmpty': return s.length === 0;
    case 'toLowerCase': return s.toLowerCase();
    case 'toUpperCase': return s.toUpperCase();
    case 'trim': return s.trim();
    case 'toString': return s;
    case 'substring': return s.substring(Number(args[0]), args.length > 1 ? Number(args[1]) : undefined);
    case 'charAt': return s.charAt(Number(args[0]));
    case 'indexOf': return s.indexOf(arg(0));
    case 'lastIndexOf': return s.lastIndexOf(arg(0));
    case 'contains': return s.includes(arg(0));
    case 'startsWith': return s.startsWith(arg(0));
    case 'endsWith': return s.endsWith(arg(0));
    case 'equals': return typeof args[0] === 'string' && s === args[0];
    case 'equalsIgnoreCase': return args[0] !== null && args[0] !== undefined && s.toLowerCase() === arg(0).toLowerCase();
    case 'concat': return s + arg(0);
    case 'replace': return s.split(arg(0)).join(arg(1));
    case 'replaceAll': return s.replace(new RegExp(arg(0), 'g'), jsReplacement(arg(1)));
    case 'replaceFirst': return s.replace(new RegExp(arg(0)), jsReplacement(arg(1)));
    case 'matches': return new RegExp(`^(?:${arg(0)})$`).test(s);
    case 'split': {
      // Java drops the trailing empty strings.
      const parts = s.split(new RegExp(arg(0)));
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts;
    }
    default: return undefined;
  }
}

function listMethod(list: unknown[], name: string, args: unknown[]): unknown {
  switch (name) {
    case 'size': return list.length;
    case 'isEmpty': return list.length === 0;
    case 'get': return list[Number(args[0])];
    case 'contains': return list.some(item => javaEquals(item, args[0]));
    case 'indexOf': return list.findIndex(item => javaEquals(item, args[0]));
    case 'add': list.push(args[0]); return true;
    case 'remove': return list.splice(Number(args[0]), 1)[0];
    case 'toString': return javaString(list);
    default: return undefined;
  }
}

function mapMethod(map: Map<string, unknown>, name: string, args: unknown[]): unknown {
  const key = javaString(args[0]);
  switch (name) {
    case 'get': return map.get(key);
    case 'put': {
      const previous = map.get(key);
      map.set(key, args[1]);
      return previous;
    }
    case 'containsKey': return map.has(key);
    case 'remove': {
      const previous = map.get(key);
      map.delete(key);
      return previous;
    }
    case 'keySet': return [...map.keys()];
    case 'values': return [...map.values()];
    case 'entrySet': return [...map.entries()].map(([k, v]) => new Map<string, unknown>([['key', k], ['value', v]]));
    case 'size': return map.size;
    case 'isEmpty': return map.size === 0;
    case 'putAll':
      if (args[0] instanceof Map) for (const [k, v] of args[0]) map.set(k, v);
      return undefined;
    case 'toString': return javaString(map);
    default: return undefined;
  }
}

/** `$value.name`: a map's entry, or a host object's property. */
export function getProperty(target: unknown, name: string): unknown {
  if (target instanceof Map) return target.get(name);
  if (isHostObject(target)) return target.property(name);
  return undefined;
}
