// Comparing parse trees in tests: the tree without parent links, and a check that every parent link is right.
import assert from 'node:assert/strict';
import type { AstNode } from '../../server/src/service/core/types';

export function plain(n: AstNode | undefined): unknown {
  if (!n) return n;
  return { type: n.type, offset: n.offset, length: n.length, value: n.value, colonOffset: n.colonOffset, children: n.children?.map(plain) };
}

export function checkParents(n: AstNode) {
  for (const c of n.children ?? []) {
    assert.equal(c.parent, n);
    checkParents(c);
  }
}
