import { BinaryOp, Expr, Node, Reference, Step } from './ast';

/** A template API Gateway would refuse: where, and why. */
export class VtlSyntaxError extends Error {
  constructor(message: string, public readonly offset: number) {
    super(`mapping template, at character ${offset}: ${message}`);
  }
}

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const WORD_OPERATORS: { [word: string]: BinaryOp } = { and: '&&', or: '||', eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=' };

/** How a block ended: at the end of the template, or at #end, #else or #elseif (with its condition). */
interface BlockEnd {
  readonly name: 'end' | 'else' | 'elseif';
  readonly condition?: Expr;
}

/** The heads of the directives with bodies, parsed before their bodies. */
interface IfHead {
  readonly kind: 'if-head';
  readonly condition: Expr;
}
interface ForeachHead {
  readonly kind: 'foreach-head';
  readonly variable: string;
  readonly items: Expr;
}

/**
 * Parses a mapping template into its syntax tree. A directive alone on its line takes its line
 * with it (the whitespace before it and the newline after), so that templates laid out over
 * several lines render as their authors read them.
 */
export function parseTemplate(source: string): Node[] {
  const parser = new Parser(source);
  const { nodes, end } = parser.block([]);
  if (end) throw new VtlSyntaxError(`#${end.name} without a matching #if or #foreach`, parser.offset);
  return nodes;
}

class Parser {
  private static readonly LEVELS: BinaryOp[][] = [['||'], ['&&'], ['==', '!=', '<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

  public offset = 0;
  /** Whether only spaces and tabs were written since the current line began. */
  private lineClean = true;

  constructor(private readonly source: string) {}

  /** Nodes up to the end of the template or to one of `ends` (#end, #else, #elseif), which is consumed except for #elseif's condition. */
  public block(ends: string[]): { nodes: Node[]; end?: BlockEnd } {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    const write = (chars: string) => {
      text += chars;
      for (const ch of chars) {
        if (ch === '\n') this.lineClean = true;
        else if (ch !== ' ' && ch !== '\t') this.lineClean = false;
      }
    };
    while (this.offset < this.source.length) {
      const c = this.source[this.offset];
      if (c === '\\' && (this.peek(1) === '$' || this.peek(1) === '#')) {
        write(this.peek(1));
        this.offset += 2;
      } else if (c === '$') {
        const ref = this.tryReference();
        if (ref) {
          flush();
          nodes.push({ kind: 'output', ref });
          this.lineClean = false;
        } else {
          write(c);
          this.offset++;
        }
      } else if (c === '#' && this.directiveName() === '#') {
        this.skipComment();
      } else if (c === '#' && this.directiveName() !== undefined) {
        const startsLine = this.lineClean;
        const start = this.offset;
        const head = this.directiveHead(this.directiveName()!, ends);
        if (startsLine && this.endsLine()) {
          // A directive alone on its line takes the line with it.
          text = text.replace(/[ \t]*$/, '');
          this.skipLineEnd();
          this.lineClean = true;
        } else {
          this.lineClean = false;
        }
        flush();
        if ('name' in head) {
          if (!ends.includes(head.name)) throw new VtlSyntaxError(`#${head.name} outside #if or #foreach`, start);
          return { nodes, end: head };
        }
        nodes.push(head.kind === 'if-head' ? this.ifBody(head.condition, start) : head.kind === 'foreach-head' ? this.foreachBody(head, start) : head);
      } else {
        write(c);
        this.offset++;
      }
    }
    flush();
    return { nodes };
  }

  /** The directive at `#`, without consuming it: a name, `#` for a comment, or undefined for a plain `#`. */
  private directiveName(): string | undefined {
    const next = this.peek(1);
    if (next === '#' || next === '*') return '#';
    const match = /^#\{?([a-z]+)\}?/.exec(this.source.slice(this.offset, this.offset + 12));
    if (!match) return undefined;
    return ['set', 'if', 'elseif', 'else', 'end', 'foreach', 'break', 'stop'].includes(match[1]) ? match[1] : undefined;
  }

  private skipComment(): void {
    if (this.peek(1) === '#') {
      const end = this.source.indexOf('\n', this.offset);
      this.offset = end < 0 ? this.source.length : end + 1;
    } else {
      const end = this.source.indexOf('*#', this.offset + 2);
      if (end < 0) throw new VtlSyntaxError('#* comment without *#', this.offset);
      this.offset = end + 2;
    }
  }

  /**
   * Parses a directive up to the end of its parentheses: a whole node for #set, #break and #stop,
   * the head of #if and #foreach (whose bodies follow), or the end of the enclosing block.
   */
  private directiveHead(name: string, ends: string[]): Node | BlockEnd | IfHead | ForeachHead {
    const start = this.offset;
    const braced = this.peek(1) === '{';
    this.offset += 1 + name.length + (braced ? 2 : 0);
    switch (name) {
      case 'end':
      case 'else':
        return { name };
      case 'elseif': {
        if (!ends.includes('elseif')) throw new VtlSyntaxError('#elseif outside #if', start);
        return { name, condition: this.condition('#elseif') };
      }
      case 'break':
        return { kind: 'break' };
      case 'stop':
        return { kind: 'stop' };
      case 'set': {
        this.open('#set');
        this.spaces();
        const target = this.tryReference();
        if (!target) throw new VtlSyntaxError('#set needs a reference to assign, e.g. #set($name = ...)', this.offset);
        this.spaces();
        this.expect('=');
        const value = this.expression();
        this.close('#set');
        return { kind: 'set', target, value };
      }
      case 'if':
        return { kind: 'if-head', condition: this.condition('#if') };
      default: {
        this.open('#foreach');
        this.spaces();
        const variable = this.tryReference();
        if (!variable || variable.steps.length > 0) throw new VtlSyntaxError('#foreach needs a variable, e.g. #foreach($item in $list)', this.offset);
        this.spaces();
        if (!this.source.startsWith('in', this.offset)) throw new VtlSyntaxError('#foreach needs "in"', this.offset);
        this.offset += 2;
        const items = this.expression();
        this.close('#foreach');
        return { kind: 'foreach-head', variable: variable.root, items };
      }
    }
  }

  private condition(directive: string): Expr {
    this.open(directive);
    const condition = this.expression();
    this.close(directive);
    return condition;
  }

  private ifBody(first: Expr, start: number): Node {
    const branches: { condition: Expr; body: Node[] }[] = [];
    let condition = first;
    for (;;) {
      const body = this.block(['end', 'else', 'elseif']);
      branches.push({ condition, body: body.nodes });
      if (body.end?.name === 'end') return { kind: 'if', branches };
      if (body.end?.name === 'elseif') {
        condition = body.end.condition!;
        continue;
      }
      if (body.end?.name === 'else') {
        const otherwise = this.block(['end']);
        if (otherwise.end?.name !== 'end') throw new VtlSyntaxError('#else without #end', start);
        return { kind: 'if', branches, otherwise: otherwise.nodes };
      }
      throw new VtlSyntaxError('#if without #end', start);
    }
  }

  private foreachBody(head: ForeachHead, start: number): Node {
    const body = this.block(['end']);
    if (body.end?.name !== 'end') throw new VtlSyntaxError('#foreach without #end', start);
    return { kind: 'foreach', variable: head.variable, items: head.items, body: body.nodes };
  }

  /** A reference at `$`, or undefined (and nothing consumed) when `$` starts none. */
  public tryReference(): Reference | undefined {
    const start = this.offset;
    let i = this.offset + 1;
    const quiet = this.source[i] === '!';
    if (quiet) i++;
    const braced = this.source[i] === '{';
    if (braced) i++;
    if (!IDENTIFIER_START.test(this.source[i] ?? '')) return undefined;
    this.offset = i;
    const root = this.identifier();
    const steps: Step[] = [];
    for (;;) {
      if (this.source[this.offset] === '.' && IDENTIFIER_START.test(this.peek(1))) {
        this.offset++;
        const name = this.identifier();
        if (this.source[this.offset] === '(') {
          this.offset++;
          steps.push({ kind: 'call', name, args: this.arguments(')') });
        } else {
          steps.push({ kind: 'property', name });
        }
      } else if (this.source[this.offset] === '[') {
        this.offset++;
        const index = this.expression();
        this.spaces();
        this.expect(']');
        steps.push({ kind: 'index', index });
      } else {
        break;
      }
    }
    if (braced) {
      if (this.source[this.offset] !== '}') {
        this.offset = start;
        return undefined;
      }
      this.offset++;
    }
    return { root, steps, quiet, source: this.source.slice(start, this.offset) };
  }

  /** Letters, digits, underscores, and hyphens between them (Velocity 1.7 allows `$a-b`). */
  private identifier(): string {
    const start = this.offset;
    while (IDENTIFIER_PART.test(this.peek(0)) || (this.peek(0) === '-' && IDENTIFIER_PART.test(this.peek(1)) && this.offset > start)) this.offset++;
    return this.source.slice(start, this.offset);
  }

  private arguments(close: string): Expr[] {
    const args: Expr[] = [];
    this.spaces();
    if (this.source[this.offset] === close) {
      this.offset++;
      return args;
    }
    for (;;) {
      args.push(this.expression());
      this.spaces();
      const c = this.source[this.offset];
      this.offset++;
      if (c === close) return args;
      if (c !== ',') throw new VtlSyntaxError(`expected , or ${close}`, this.offset - 1);
    }
  }

  // --- Expressions ---------------------------------------------------------------------------

  public expression(): Expr {
    return this.binary(0);
  }

  private binary(level: number): Expr {
    if (level === Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.operator(Parser.LEVELS[level]);
      if (!op) return left;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private operator(ops: BinaryOp[]): BinaryOp | undefined {
    this.spaces();
    for (const op of ops) {
      if (this.source.startsWith(op, this.offset) && !(op === '<' && this.peek(1) === '=') && !(op === '>' && this.peek(1) === '=')) {
        this.offset += op.length;
        return op;
      }
    }
    const word = /^[a-z]+\b/.exec(this.source.slice(this.offset, this.offset + 4))?.[0];
    if (word && WORD_OPERATORS[word] && ops.includes(WORD_OPERATORS[word])) {
      this.offset += word.length;
      return WORD_OPERATORS[word];
    }
    return undefined;
  }

  private unary(): Expr {
    this.spaces();
    if (this.source[this.offset] === '!' && this.peek(1) !== '=') {
      this.offset++;
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    if (this.source.startsWith('not ', this.offset)) {
      this.offset += 3;
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    if (this.source[this.offset] === '-' && !/\d/.test(this.peek(1))) {
      this.offset++;
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    this.spaces();
    const c = this.source[this.offset];
    const start = this.offset;
    if (c === '(') {
      this.offset++;
      const inner = this.expression();
      this.spaces();
      this.expect(')');
      return inner;
    }
    if (c === '$') {
      const ref = this.tryReference();
      if (!ref) throw new VtlSyntaxError('a reference expected after $', start);
      return { kind: 'ref', ref };
    }
    if (c === "'") {
      const end = this.source.indexOf("'", this.offset + 1);
      if (end < 0) throw new VtlSyntaxError('unterminated string', start);
      this.offset = end + 1;
      return { kind: 'literal', value: this.source.slice(start + 1, end) };
    }
    if (c === '"') {
      const end = this.source.indexOf('"', this.offset + 1);
      if (end < 0) throw new VtlSyntaxError('unterminated string', start);
      this.offset = end + 1;
      const inner = this.source.slice(start + 1, end);
      return inner.includes('$') || inner.includes('#') ? { kind: 'interpolated', parts: parseTemplate(inner) } : { kind: 'literal', value: inner };
    }
    const number = /^-?\d+(\.\d+)?/.exec(this.source.slice(this.offset));
    if (number) {
      this.offset += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    if (c === '[') return this.listOrRange();
    if (c === '{') return this.map();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.source.startsWith(word, this.offset) && !IDENTIFIER_PART.test(this.peek(word.length))) {
        this.offset += word.length;
        return { kind: 'literal', value };
      }
    }
    throw new VtlSyntaxError(`unexpected ${c === undefined ? 'end of template' : JSON.stringify(c)}`, start);
  }

  private listOrRange(): Expr {
    this.offset++;
    this.spaces();
    if (this.source[this.offset] === ']') {
      this.offset++;
      return { kind: 'list', items: [] };
    }
    const first = this.expression();
    this.spaces();
    if (this.source.startsWith('..', this.offset)) {
      this.offset += 2;
      const to = this.expression();
      this.spaces();
      this.expect(']');
      return { kind: 'range', from: first, to };
    }
    const items = [first];
    while (this.source[this.offset] === ',') {
      this.offset++;
      items.push(this.expression());
      this.spaces();
    }
    this.expect(']');
    return { kind: 'list', items };
  }

  private map(): Expr {
    this.offset++;
    const entries: [Expr, Expr][] = [];
    this.spaces();
    if (this.source[this.offset] === '}') {
      this.offset++;
      return { kind: 'map', entries };
    }
    for (;;) {
      const key = this.expression();
      this.spaces();
      this.expect(':');
      entries.push([key, this.expression()]);
      this.spaces();
      const c = this.source[this.offset++];
      if (c === '}') return { kind: 'map', entries };
      if (c !== ',') throw new VtlSyntaxError('expected , or } in a map', this.offset - 1);
    }
  }

  // --- Helpers --------------------------------------------------------------------------------

  private peek(ahead: number): string {
    return this.source[this.offset + ahead] ?? '';
  }

  private spaces(): void {
    while (/\s/.test(this.peek(0))) this.offset++;
  }

  private expect(token: string): void {
    if (!this.source.startsWith(token, this.offset)) {
      throw new VtlSyntaxError(`expected ${JSON.stringify(token)}`, this.offset);
    }
    this.offset += token.length;
  }

  private open(directive: string): void {
    this.spaces();
    if (this.source[this.offset] !== '(') throw new VtlSyntaxError(`${directive} needs its (...)`, this.offset);
    this.offset++;
  }

  private close(directive: string): void {
    this.spaces();
    if (this.source[this.offset] !== ')') throw new VtlSyntaxError(`${directive}(...) is not closed`, this.offset);
    this.offset++;
  }

  /** Whether only spaces or tabs lie between here and the end of the line (or of the template). */
  private endsLine(): boolean {
    const rest = /^[ \t]*(\r?\n|$)/.exec(this.source.slice(this.offset));
    return rest !== null;
  }

  private skipLineEnd(): void {
    const rest = /^[ \t]*(\r?\n)?/.exec(this.source.slice(this.offset))!;
    this.offset += rest[0].length;
  }
}

