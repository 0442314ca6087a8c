// The values a placeholder chooses among when the text shows them all: a template's `!If [Cond, a, b]` deploys
// as one of its two branches (templates/intrinsics.ts sets them). A value that breaks its member in every branch
// is certain to be refused, whichever the condition; a check that knows the member (sagemaker/validation.ts) reads
// them. Kept beside the tree, by node, as the placeholders themselves are (the tree's nodes keep one shape).
import type { AstNode } from './types';

const byNode = new WeakMap<AstNode, readonly AstNode[]>();

/** Records the literal values `placeholder` stands for one of. */
export function setAlternatives(placeholder: AstNode, values: readonly AstNode[]) {
  byNode.set(placeholder, values);
}

/** The literal values a placeholder stands for one of; undefined when they are not all known. */
export const alternativesOf = (node: AstNode): readonly AstNode[] | undefined => byNode.get(node);
