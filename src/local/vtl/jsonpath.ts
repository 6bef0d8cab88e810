/** One step of a JSONPath: a member, an index, every child (`*`), or a deep scan (`..name`). */
type Segment = { readonly kind: 'member'; readonly name: string } | { readonly kind: 'index'; readonly index: number }
| { readonly kind: 'wildcard' } | { readonly kind: 'deep'; readonly name: string };

const cache = new Map<string, Segment[]>();

/**
 * The value at a JSONPath (`$`, `$.a.b`, `$['a b']`, `$.list[0]`, `$.list[*].id`, `$..id`) in a
 * parsed JSON document, as `$input.path` and `$input.json` read it: one value, or a list when
 * the path has a wildcard or a deep scan; undefined when nothing matches.
 */
export function jsonPath(document: unknown, path: string): unknown {
  const segments = parsePath(path);
  let matches: unknown[] = [document];
  for (const segment of segments) matches = matches.flatMap(value => step(value, segment));
  const many = segments.some(s => s.kind === 'wildcard' || s.kind === 'deep');
  return many ? matches : matches[0];
}

function step(value: unknown, segment: Segment): unknown[] {
  switch (segment.kind) {
    case 'member':
      return isRecord(value) && Object.prototype.hasOwnProperty.call(value, segment.name) ? [value[segment.name]] : [];
    case 'index': {
      if (!Array.isArray(value)) return [];
      const i = segment.index < 0 ? value.length + segment.index : segment.index;
      return i >= 0 && i < value.length ? [value[i]] : [];
    }
    case 'wildcard':
      return Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
    case 'deep': {
      const found: unknown[] = [];
      const visit = (node: unknown) => {
        if (isRecord(node)) {
          if (Object.prototype.hasOwnProperty.call(node, segment.name)) found.push(node[segment.name]);
          Object.values(node).forEach(visit);
        } else if (Array.isArray(node)) {
          node.forEach(visit);
        }
      };
      visit(value);
      return found;
    }
  }
}

function isRecord(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePath(path: string): Segment[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const segments: Segment[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  const name = () => {
    const match = /^[^.[\]]+/.exec(path.slice(i));
    if (!match) throw new Error(`JSONPath ${path}: a name expected at character ${i}`);
    i += match[0].length;
    return match[0];
  };
  while (i < path.length) {
    if (path.startsWith('..', i)) {
      i += 2;
      segments.push({ kind: 'deep', name: name() });
    } else if (path[i] === '.') {
      i++;
      if (path[i] === '*') {
        i++;
        segments.push({ kind: 'wildcard' });
      } else {
        segments.push({ kind: 'member', name: name() });
      }
    } else if (path[i] === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`JSONPath ${path}: [ without ]`);
      const inside = path.slice(i + 1, end).trim();
      i = end + 1;
      if (inside === '*') segments.push({ kind: 'wildcard' });
      else if (/^-?\d+$/.test(inside)) segments.push({ kind: 'index', index: Number(inside) });
      else segments.push({ kind: 'member', name: inside.replace(/^['"]|['"]$/g, '') });
    } else {
      segments.push({ kind: 'member', name: name() });
    }
  }
  cache.set(path, segments);
  return segments;
}
