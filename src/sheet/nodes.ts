/**
 * Type guards over mathjs nodes. mathjs types every node as the base MathNode with a string
 * `type`; these narrow it so the tree walks stay free of casts.
 */
import type {
  AccessorNode,
  ArrayNode,
  ConditionalNode,
  ConstantNode,
  FunctionNode,
  IndexNode,
  OperatorNode,
  OperatorNodeFn,
  ParenthesisNode,
  RangeNode,
  RelationalNode,
  SymbolNode,
} from 'mathjs';
import type { MathNode } from '../core/mathParser';

export type AnyOperatorNode = OperatorNode<never, never> & { readonly fn: OperatorNodeFn; readonly op: string };
export type AnyConstantNode = ConstantNode<string | number | boolean | null | undefined>;

export const isSymbolNode = (n: MathNode): n is SymbolNode => n.type === 'SymbolNode';
export const isConstantNode = (n: MathNode): n is AnyConstantNode => n.type === 'ConstantNode';
export const isFunctionNode = (n: MathNode): n is FunctionNode<MathNode> => n.type === 'FunctionNode';
export const isOperatorNode = (n: MathNode): n is AnyOperatorNode => n.type === 'OperatorNode';
export const isParenthesisNode = (n: MathNode): n is ParenthesisNode => n.type === 'ParenthesisNode';
export const isRangeNode = (n: MathNode): n is RangeNode => n.type === 'RangeNode';
export const isAccessorNode = (n: MathNode): n is AccessorNode => n.type === 'AccessorNode';
export const isIndexNode = (n: MathNode): n is IndexNode => n.type === 'IndexNode';
export const isArrayNode = (n: MathNode): n is ArrayNode => n.type === 'ArrayNode';
export const isConditionalNode = (n: MathNode): n is ConditionalNode => n.type === 'ConditionalNode';
export const isRelationalNode = (n: MathNode): n is RelationalNode => n.type === 'RelationalNode';
