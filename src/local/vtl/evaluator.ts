import { Expr, Node, Reference } from './ast';
import { callMethod, getProperty, isHostObject, javaEquals, javaString, truthy } from './java-values';
import { parseTemplate } from './parser';

/** Control flow out of a #foreach (#break) or out of the template (#stop). */
class Break {}
class Stop {}

/** `$foreach` inside a loop: where the loop is. */
class LoopState {
  constructor(private readonly index: number, private readonly total: number, private readonly parent: unknown) {}

  public property(name: string): unknown {
    switch (name) {
      case 'index': return this.index;
      case 'count': return this.index + 1;
      case 'hasNext': return this.index + 1 < this.total;
      case 'first': return this.index === 0;
      case 'last': return this.index + 1 === this.total;
      case 'parent': return this.parent;
      default: return undefined;
    }
  }

  public call(name: string, args: unknown[]): unknown {
    return args.length === 0 && name.startsWith('is') ? this.property(name.slice(2, 3).toLowerCase() + name.slice(3)) : this.property(name);
  }
}

/** Templates parsed so far, by source: a test suite renders the same few many times. */
const PARSED = new Map<string, Node[]>();

/** A parsed mapping template, rendered as often as needed. */
export class VtlTemplate {
  /** The template of this source, parsed once per process. */
  public static of(source: string): VtlTemplate {
    let nodes = PARSED.get(source);
    if (!nodes) {
      nodes = parseTemplate(source);
      PARSED.set(source, nodes);
    }
    return new VtlTemplate(nodes);
  }

  private constructor(private readonly nodes: Node[]) {}

  /** Renders the template with these variables (`input`, `util`, `context`, ...), which #set may change. */
  public render(variables: Map<string, unknown>): string {
    const out: string[] = [];
    try {
      renderNodes(this.nodes, variables, out);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
    return out.join('');
  }
}

function renderNodes(nodes: readonly Node[], vars: Map<string, unknown>, out: string[]): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out.push(node.text);
        break;
      case 'output': {
        const value = resolve(node.ref, vars);
        out.push(value === undefined || value === null ? (node.ref.quiet ? '' : node.ref.source) : javaString(value));
        break;
      }
      case 'set':
        assign(node.target, evaluate(node.value, vars), vars);
        break;
      case 'if': {
        const branch = node.branches.find(b => truthy(evaluate(b.condition, vars)));
        if (branch) renderNodes(branch.body, vars, out);
        else if (node.otherwise) renderNodes(node.otherwise, vars, out);
        break;
      }
      case 'foreach':
        loop(node.variable, evaluate(node.items, vars), node.body, vars, out);
        break;
      case 'break':
        throw new Break();
      case 'stop':
        throw new Stop();
    }
  }
}

function loop(variable: string, items: unknown, body: readonly Node[], vars: Map<string, unknown>, out: string[]): void {
  const list = Array.isArray(items) ? items : items instanceof Map ? [...items.values()] : [];
  const saved = { item: vars.get(variable), state: vars.get('foreach') };
  try {
    for (let i = 0; i < list.length; i++) {
      vars.set(variable, list[i]);
      vars.set('foreach', new LoopState(i, list.length, saved.state));
      vars.set('velocityCount', i + 1);
      renderNodes(body, vars, out);
    }
  } catch (e) {
    if (!(e instanceof Break)) throw e;
  } finally {
    restore(vars, variable, saved.item);
    restore(vars, 'foreach', saved.state);
  }
}

function restore(vars: Map<string, unknown>, name: string, value: unknown): void {
  if (value === undefined) vars.delete(name);
  else vars.set(name, value);
}

/** A reference's value; undefined when any step has none. */
function resolve(ref: Reference, vars: Map<string, unknown>): unknown {
  let value: unknown = vars.get(ref.root);
  for (const step of ref.steps) {
    if (value === undefined || value === null) return undefined;
    switch (step.kind) {
      case 'property': {
        const property = getProperty(value, step.name);
        // Java beans: `$list.size` is not a property, but `$x.empty` reads `isEmpty()`.
        value = property !== undefined || isHostObject(value) ? property : callMethod(value, `get${capitalize(step.name)}`, []) ?? callMethod(value, `is${capitalize(step.name)}`, []);
        break;
      }
      case 'call':
        value = callMethod(value, step.name, step.args.map(arg => evaluate(arg, vars)));
        break;
      case 'index': {
        const index = evaluate(step.index, vars);
        value = Array.isArray(value) ? value[Number(index)] : value instanceof Map ? value.get(javaString(index)) : undefined;
        break;
      }
    }
  }
  return value;
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `#set($a.b.c = value)`: a variable, or an entry of the map the rest of the reference names. */
function assign(target: Reference, value: unknown, vars: Map<string, unknown>): void {
  if (target.steps.length === 0) {
    vars.set(target.root, value);
    return;
  }
  const last = target.steps[target.steps.length - 1];
  const container = resolve({ ...target, steps: target.steps.slice(0, -1) }, vars);
  const key = last.kind === 'property' ? last.name : last.kind === 'index' ? evaluate(last.index, vars) : undefined;
  if (key === undefined) return;
  if (container instanceof Map) container.set(javaString(key), value);
  else if (Array.isArray(container)) container[Number(key)] = value;
}

export function evaluate(expr: Expr, vars: Map<string, unknown>): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'interpolated': {
      const out: string[] = [];
      renderNodes(expr.parts, vars, out);
      return out.join('');
    }
    case 'list':
      return expr.items.map(item => evaluate(item, vars));
    case 'range': {
      const [from, to] = [Number(evaluate(expr.from, vars)), Number(evaluate(expr.to, vars))];
      const step = from <= to ? 1 : -1;
      return Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => from + i * step);
    }
    case 'map':
      return new Map(expr.entries.map(([k, v]) => [javaString(evaluate(k, vars)), evaluate(v, vars)]));
    case 'ref':
      return resolve(expr.ref, vars);
    case 'unary': {
      const operand = evaluate(expr.operand, vars);
      return expr.op === '!' ? !truthy(operand) : typeof operand === 'number' ? -operand : undefined;
    }
    case 'binary':
      return binary(expr.op, expr.left, expr.right, vars);
  }
}

function binary(op: string, leftExpr: Expr, rightExpr: Expr, vars: Map<string, unknown>): unknown {
  if (op === '&&') return truthy(evaluate(leftExpr, vars)) && truthy(evaluate(rightExpr, vars));
  if (op === '||') return truthy(evaluate(leftExpr, vars)) || truthy(evaluate(rightExpr, vars));
  const left = evaluate(leftExpr, vars);
  const right = evaluate(rightExpr, vars);
  switch (op) {
    case '==': return javaEquals(left, right);
    case '!=': return !javaEquals(left, right);
    case '+':
      if (typeof left === 'string' || typeof right === 'string') return javaString(left) + javaString(right);
      return arithmetic(left, right, (a, b) => a + b);
    case '-': return arithmetic(left, right, (a, b) => a - b);
    case '*': return arithmetic(left, right, (a, b) => a * b);
    // Between whole numbers, Java divides whole numbers.
    case '/': return arithmetic(left, right, (a, b) => (b === 0 ? undefined : Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b));
    case '%': return arithmetic(left, right, (a, b) => (b === 0 ? undefined : a % b));
    default: return compare(op, left, right);
  }
}

function arithmetic(left: unknown, right: unknown, f: (a: number, b: number) => number | undefined): unknown {
  return typeof left === 'number' && typeof right === 'number' ? f(left, right) : undefined;
}

function compare(op: string, left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return false;
  const [a, b] = typeof left === 'number' && typeof right === 'number' ? [left, right] : [javaString(left), javaString(right)];
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    default: return a >= b;
  }
}
