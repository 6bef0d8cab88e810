/**
 * The syntax tree of a Velocity (VTL 1.7) mapping template, as API Gateway runs them: text,
 * references, and the directives mapping templates use (#set, #if, #foreach, #break, #stop).
 */

/** An expression inside a directive or a method call's arguments. */
export type Expr =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'interpolated'; readonly parts: readonly Node[] }
  | { readonly kind: 'list'; readonly items: readonly Expr[] }
  | { readonly kind: 'range'; readonly from: Expr; readonly to: Expr }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [Expr, Expr])[] }
  | { readonly kind: 'ref'; readonly ref: Reference }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr };

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

/** One step after a reference's root: a property, a method call, or an index. */
export type Step =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'index'; readonly index: Expr };

/** `$root.step.step(...)[i]`: quiet (`$!`) references render nothing when they have no value. */
export interface Reference {
  readonly root: string;
  readonly steps: readonly Step[];
  readonly quiet: boolean;
  /** The reference as written, rendered as is when it has no value (and is not quiet). */
  readonly source: string;
}

export type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'output'; readonly ref: Reference }
  | { readonly kind: 'set'; readonly target: Reference; readonly value: Expr }
  | { readonly kind: 'if'; readonly branches: readonly { readonly condition: Expr; readonly body: readonly Node[] }[]; readonly otherwise?: readonly Node[] }
  | { readonly kind: 'foreach'; readonly variable: string; readonly items: Expr; readonly body: readonly Node[] }
  | { readonly kind: 'break' }
  | { readonly kind: 'stop' };
