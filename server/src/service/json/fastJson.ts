// A fast parser for well-formed JSON that builds the same tree as jsonc-parser's parseTree (offsets, lengths,
// colonOffset, parents). It is the hot path on every keystroke in large state machines: a single pass with an
// explicit stack (no recursion), whose tokens are matched by sticky regular expressions. On anything that is not
// strict JSON it gives up and returns undefined, and the caller falls back to jsonc-parser, which recovers from
// errors. test/fuzz/parse.test.ts holds it to JSON.parse (what parses) and jsonc-parser (the tree).
import type { AstNode } from '../core/types';

const enum Ch {
  Tab = 9, Nl = 10, Cr = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Zero = 48, Nine = 57,
  Colon = 58, E = 69, LBracket = 91, Backslash = 92, RBracket = 93, LowE = 101, LBrace = 123, RBrace = 125,
}

class NotStrictJson extends Error {}
const fail = (): never => {
  throw new NotStrictJson();
};

class TooDeep extends Error {}

const WHITESPACE = /[ \t\n\r]*/y;
/** A JSON string: no raw control character, every backslash escaping one character (JSON.parse checks the escapes). */
const STRING = /"[^"\\\u0000-\u001f]*(?:\\[^\u0000-\u001f][^"\\\u0000-\u001f]*)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The tree of strict JSON, undefined for anything else. `maxDepth`: deeper nesting gives 'too deep' (the parse needs
 * no recursion, but what reads its tree does), so a caller need not scan the text for its depth first.
 */
export function parseStrictJson(text: string): AstNode | undefined;
export function parseStrictJson(text: string, maxDepth: number): AstNode | 'too deep' | undefined;
export function parseStrictJson(text: string, maxDepth = Infinity): AstNode | 'too deep' | undefined {
  try {
    return parse(text, maxDepth);
  } catch (e) {
    if (e instanceof NotStrictJson) return undefined;
    if (e instanceof TooDeep) return 'too deep';
    throw e;
  }
}

/** Where the JSON string starting at `start` ends (after its closing quote), or 0 when it is not one (STRING's rule). */
function stringEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== 0x22) return 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) return 0;
    if (c === 0x22) return i + 1;
    if (c === 0x5c && (++i >= text.length || text.charCodeAt(i) < 0x20)) return 0;
  }
  return 0;
}

function parse(text: string, maxDepth: number): AstNode {
  const n = text.length;
  let i = 0;
  // Whitespace, strings and numbers are matched by sticky regular expressions (native code from the first call)
  // rather than char by char in JavaScript, which runs interpreted until V8 has warmed it up: on a file's first
  // parse the char loops were most of its time.
  const ws = () => {
    const c = text.charCodeAt(i);
    if (c === Ch.Space || c === Ch.Nl || c === Ch.Cr || c === Ch.Tab) {
      WHITESPACE.lastIndex = i;
      WHITESPACE.test(text);
      i = WHITESPACE.lastIndex;
    }
  };
  /** Where the next backslash is at or after the string being read (the text's length if none): found once, not per string. */
  let backslash = -1;
  const string = (parent: AstNode | undefined): AstNode => {
    const start = i;
    STRING.lastIndex = i;
    let matched: boolean;
    try {
      matched = STRING.test(text);
    } catch {
      // Millions of escapes in one string overflow the regular expression's backtracking stack: read it by hand.
      matched = (STRING.lastIndex = stringEnd(text, i)) > 0;
    }
    if (!matched) fail();
    i = STRING.lastIndex;
    if (backslash < start) {
      backslash = text.indexOf('\\', start);
      if (backslash < 0) backslash = n;
    }
    let value: string;
    if (backslash < i) {
      try {
        value = JSON.parse(text.slice(start, i));
      } catch {
        return fail();
      }
    } else value = text.slice(start + 1, i - 1);
    return { type: 'string', offset: start, length: i - start, value, parent } as AstNode;
  };
  const scalar = (parent: AstNode | undefined): AstNode => {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail();
      i = NUMBER.lastIndex;
      // A number runs into the next token: what follows must end it ("01", "1.", "1e" are not JSON).
      const d = text.charCodeAt(i);
      if ((d >= Ch.Zero && d <= Ch.Nine) || d === Ch.Dot || d === Ch.E || d === Ch.LowE || d === Ch.Plus || d === Ch.Minus) fail();
      return { type: 'number', offset: start, length: i - start, value: Number(text.slice(start, i)), parent } as AstNode;
    }
    for (const [word, type, value] of [['true', 'boolean', true], ['false', 'boolean', false], ['null', 'null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { type, offset: start, length: word.length, value, parent } as AstNode;
      }
    }
    return fail();
  };

  // Containers on the stack; `prop` is the property whose value is being read (objects only).
  const stack: { node: AstNode; prop?: AstNode }[] = [];
  let root: AstNode | undefined;
  /** Adds a value to the container on top; a property stays open until a container value closes. */
  const attach = (value: AstNode, container: boolean) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    if (top.prop) {
      // [key, value] in one literal: a first push reserves room for 16 (V8), and a tree has one such array per property.
      top.prop.children = [top.prop.children![0], value];
      if (!container) {
        top.prop.length = value.offset + value.length - top.prop.offset;
        top.prop = undefined;
      }
    } else top.node.children!.push(value);
  };

  ws();
  for (;;) {
    const top = stack[stack.length - 1];
    // Where a value is expected: in an object after `key:`, in an array, or at the top.
    if (top && top.node.type === 'object' && !top.prop) {
      // Expect a key or `}`.
      if (text.charCodeAt(i) === Ch.RBrace && top.node.children!.length === 0) {
        closeTop();
        if (closeParents()) break;
        continue;
      }
      if (text.charCodeAt(i) !== Ch.Quote) fail();
      // colonOffset is in the literal: added afterwards, it would give every property node a separate property store.
      const prop = { type: 'property', offset: i, length: 0, colonOffset: 0, children: undefined as unknown as AstNode[], parent: top.node } as unknown as AstNode;
      prop.children = [string(prop)];
      ws();
      if (text.charCodeAt(i) !== Ch.Colon) fail();
      prop.colonOffset = i++;
      ws();
      top.node.children!.push(prop);
      top.prop = prop;
    }
    if (top && top.node.type === 'array' && text.charCodeAt(i) === Ch.RBracket && top.node.children!.length === 0) {
      closeTop();
      if (closeParents()) break;
      continue;
    }
    const c = text.charCodeAt(i);
    const parent = top ? (top.prop ?? top.node) : undefined;
    if (c === Ch.LBrace || c === Ch.LBracket) {
      const node = { type: c === Ch.LBrace ? 'object' : 'array', offset: i, length: 0, children: [] as AstNode[], parent } as unknown as AstNode;
      i++;
      attach(node, true);
      if (stack.push({ node }) > maxDepth) throw new TooDeep();
      ws();
      continue;
    }
    attach(c === Ch.Quote ? string(parent) : scalar(parent), false);
    if (closeParents()) break;
  }
  ws();
  if (i !== n) fail();
  return root!;

  /** After a value: a comma continues the container, a closing bracket ends it (repeatedly). True at the end. */
  function closeParents(): boolean {
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) return true;
      ws();
      const c = text.charCodeAt(i);
      if (c === Ch.Comma) {
        i++;
        ws();
        return false;
      }
      if ((c === Ch.RBrace && top.node.type === 'object') || (c === Ch.RBracket && top.node.type === 'array')) {
        closeTop();
        continue;
      }
      return fail();
    }
  }

  /** Ends the container on top at the bracket under `i`, and the property that holds it. */
  function closeTop() {
    const top = stack.pop()!;
    i++;
    top.node.length = i - top.node.offset;
    const parentEntry = stack[stack.length - 1];
    if (parentEntry?.prop) {
      parentEntry.prop.length = i - parentEntry.prop.offset;
      parentEntry.prop = undefined;
    }
  }
}
