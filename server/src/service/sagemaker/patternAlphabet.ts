// The characters a model pattern allows anywhere in a value: what a string with `${…}` placeholders can still be
// judged by. A placeholder may stand for anything (the empty string too), but the text written around it stays in
// the deployed value, so a literal character no match of the pattern can hold (a space in a TrainingJobName) is a
// sure error. Derived from the pattern itself (parsed with regexpp, the parser ESLint uses): every atom a match
// consumes (characters, classes, `.`, `\d`, `\p{…}`), outside lookarounds, joined into one single-character
// RegExp, so membership is decided by the same engine and flags as the pattern. Sound by construction: it only
// widens (an atom that consumes nothing still counts), and anything it cannot read gives no alphabet at all.
import type * as Regexpp from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

// Loaded on first use (only values with placeholders need it): not part of every server start (scripts/build.mjs).
let regexpp: typeof Regexpp | undefined;

/**
 * A RegExp matching exactly one character that some full match of `source` (compiled with the `u` flag) can
 * contain, or undefined when every character might: the pattern is not anchored at both ends in every
 * alternative (then `test` finds it inside any text), or uses what this does not read (case modifiers, the `v`
 * flag's set operations).
 */
export function patternAlphabet(source: string): RegExp | undefined {
  let pattern: AST.Pattern;
  try {
    regexpp ??= require('@eslint-community/regexpp') as typeof Regexpp;
    pattern = new regexpp.RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return undefined;
  }
  const anchored = (a: AST.Alternative) => {
    const first = a.elements[0];
    const last = a.elements[a.elements.length - 1];
    return first?.type === 'Assertion' && first.kind === 'start' && last?.type === 'Assertion' && last.kind === 'end';
  };
  if (!pattern.alternatives.every(anchored)) return undefined;
  const atoms = new Set<string>();
  let readable = true;
  // Inside a lookaround, atoms test the text but consume none of it.
  const inLookaround = (n: AST.Node) => {
    for (let p = n.parent; p; p = p.parent) if (p.type === 'Assertion') return true;
    return false;
  };
  regexpp.visitRegExpAST(pattern, {
    onGroupEnter: (n) => {
      if (n.modifiers) readable = false;
    },
    onCharacterClassEnter: (n) => {
      if (n.unicodeSets) readable = false;
      else if (!inLookaround(n)) atoms.add(n.raw);
    },
    onExpressionCharacterClassEnter: () => {
      readable = false;
    },
    onCharacterEnter: (n) => {
      if (n.parent.type !== 'CharacterClass' && n.parent.type !== 'CharacterClassRange' && !inLookaround(n)) atoms.add(n.raw);
    },
    onCharacterSetEnter: (n) => {
      if (n.parent.type !== 'CharacterClass' && !inLookaround(n)) atoms.add(n.raw);
    },
  });
  if (!readable) return undefined;
  // No atom at all (`^$`): no character is allowed.
  return new RegExp(atoms.size ? `^(?:${[...atoms].join('|')})$` : '^[]$', 'u');
}

const cache = new Map<string, RegExp | undefined>();

/** `patternAlphabet`, once per pattern source. */
export function alphabetOf(source: string): RegExp | undefined {
  if (!cache.has(source)) cache.set(source, patternAlphabet(source));
  return cache.get(source);
}
