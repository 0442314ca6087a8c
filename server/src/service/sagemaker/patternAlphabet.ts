// The characters a model pattern allows anywhere in a value: what a string with `${…}` placeholders can still be
// judged by. A placeholder may stand for anything (the empty string too), but the text written around it stays in
// the deployed value, so a literal character no match of the pattern can hold (a space in a TrainingJobName) is a
// sure error. Derived from the pattern itself (parsed with regexpp, the parser ESLint uses): every atom a match
// consumes (characters, classes, `.`, `\d`, `\p{…}`), outside lookarounds, joined into one single-character
// RegExp, so membership is decided by the same engine and flags as the pattern. Sound by construction: it only
// widens (an atom that consumes nothing still counts), and anything it cannot read gives no alphabet at all.
// Below it, the same pattern read as an automaton: whether a computed value's known beginning or ending can match.
import type * as Regexpp from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';
import { codePointSlice } from '../core/text';

// Loaded on first use (only values with placeholders or computed values need it): not part of every server start
// (scripts/build.mjs).
let regexpp: typeof Regexpp | undefined;

const trees = new Map<string, AST.Pattern | undefined>();

/** The tree of a pattern compiled with the `u` flag (once per source), or undefined when it does not parse. */
function parsed(source: string): AST.Pattern | undefined {
  if (!trees.has(source)) {
    let tree: AST.Pattern | undefined;
    try {
      regexpp ??= require('@eslint-community/regexpp') as typeof Regexpp;
      tree = new regexpp.RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
    } catch {
      tree = undefined;
    }
    trees.set(source, tree);
  }
  return trees.get(source);
}

/**
 * A RegExp matching exactly one character that some full match of `source` (compiled with the `u` flag) can
 * contain, or undefined when every character might: the pattern is not anchored at both ends in every
 * alternative (then `test` finds it inside any text), or uses what this does not read (case modifiers, the `v`
 * flag's set operations).
 */
export function patternAlphabet(source: string): RegExp | undefined {
  const pattern = parsed(source);
  if (!pattern || !regexpp) return undefined;
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

// Whether a value that begins (or ends) with known text can match a pattern: the pattern read as an automaton of
// the characters a match consumes, run over that text from the anchored end. Sound by widening: what this does not
// follow exactly matches more here, never less — a lookaround or a word boundary consumes nothing (read as always
// true), a backreference any text, a repeat more than a few times any number of times. So "cannot" is sure; a
// pattern not anchored at that end in every alternative, or one with what this does not read (case modifiers, the
// `v` flag's set operations), is never "cannot".

/** A move of the automaton: over one character (`on`), or over none (ε), `at` the value's start or end only. */
interface Move {
  to: number;
  on?: (c: string) => boolean;
  at?: 'start' | 'end';
}

interface Automaton {
  moves: Move[][];
  start: number;
  accept: number;
  /** The moves turned around, made on the first run backwards. */
  reversed?: Move[][];
  /** Every alternative begins with `^` / ends with `$`. */
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

/** Repeats followed exactly up to this many times; beyond it, a repeat is read as "any number of times" (wider). */
const MAX_UNROLLED = 8;

function automatonOf(source: string): Automaton | undefined {
  const pattern = parsed(source);
  if (!pattern) return undefined;
  const moves: Move[][] = [];
  const state = () => moves.push([]) - 1;
  const move = (from: number, m: Move) => void moves[from].push(m);
  const matcher = (raw: string) => {
    const re = new RegExp(`^(?:${raw})$`, 'u');
    return (c: string) => re.test(c);
  };
  const ANY = () => true;
  // Recursion follows the pattern's own nesting: generated data, not the user's text.
  const alternatives = (alts: AST.Alternative[], from: number): number => {
    const end = state();
    for (const a of alts) {
      let at = from;
      for (const e of a.elements) at = element(e, at);
      move(at, { to: end });
    }
    return end;
  };
  const element = (e: AST.Element, from: number): number => {
    switch (e.type) {
      case 'Character': {
        const to = state();
        const c = String.fromCodePoint(e.value);
        move(from, { to, on: (x) => x === c });
        return to;
      }
      case 'CharacterClass':
        if (e.unicodeSets) throw new Error('v flag');
      // falls through
      case 'CharacterSet': {
        const to = state();
        move(from, { to, on: matcher(e.raw) });
        return to;
      }
      case 'Assertion': {
        const to = state();
        move(from, e.kind === 'start' || e.kind === 'end' ? { to, at: e.kind } : { to });
        return to;
      }
      case 'Group':
        if (e.modifiers) throw new Error('modifiers');
        return alternatives(e.alternatives, from);
      case 'CapturingGroup':
        return alternatives(e.alternatives, from);
      case 'Backreference': {
        const to = state();
        move(from, { to });
        move(to, { to, on: ANY });
        return to;
      }
      case 'Quantifier': {
        const min = Math.min(e.min, MAX_UNROLLED);
        let at = from;
        for (let i = 0; i < min; i++) at = element(e.element, at);
        if (e.max === e.min && e.min <= MAX_UNROLLED) return at;
        if (e.max <= MAX_UNROLLED) {
          // Up to max - min more, each one skippable.
          const end = state();
          move(at, { to: end });
          for (let i = min; i < e.max; i++) {
            at = element(e.element, at);
            move(at, { to: end });
          }
          return end;
        }
        const loop = state();
        move(at, { to: loop });
        move(element(e.element, loop), { to: loop });
        return loop;
      }
      default:
        throw new Error(e.type);
    }
  };
  const start = state();
  let accept: number;
  try {
    accept = alternatives(pattern.alternatives, start);
  } catch {
    return undefined;
  }
  const first = (a: AST.Alternative) => a.elements[0];
  const last = (a: AST.Alternative) => a.elements[a.elements.length - 1];
  const edge = (e: AST.Element | undefined, kind: 'start' | 'end') => e?.type === 'Assertion' && e.kind === kind;
  return {
    moves, start, accept,
    anchoredStart: pattern.alternatives.every((a) => edge(first(a), 'start')),
    anchoredEnd: pattern.alternatives.every((a) => edge(last(a), 'end')),
  };
}

/** `states` and every state the moves `follow` accepts lead to from them, added in place (a stack, no recursion). */
function reach(moves: Move[][], states: Set<number>, follow: (m: Move) => boolean): Set<number> {
  const stack = [...states];
  while (stack.length) {
    for (const m of moves[stack.pop()!]) {
      if (states.has(m.to) || !follow(m)) continue;
      states.add(m.to);
      stack.push(m.to);
    }
  }
  return states;
}

/**
 * Runs the automaton over `text` from its start state, or (`backwards`) from its end back against its moves: how many
 * of the characters (code points) it reads before no state is left, or undefined when some state is left after the
 * last one. `at: 'start'` / `'end'` moves are taken only where the value may start or end: before the first character
 * read forwards, or, the text being only part of the value, after the last one; read backwards the other way round.
 */
function deadAfter(a: Automaton, text: string, backwards: boolean): number | undefined {
  let moves = a.moves;
  if (backwards && !a.reversed) {
    const reversed: Move[][] = a.moves.map(() => []);
    a.moves.forEach((list, from) => list.forEach((m) => reversed[m.to].push({ ...m, to: from })));
    a.reversed = reversed;
  }
  if (backwards) moves = a.reversed!;
  const chars = [...text];
  if (backwards) chars.reverse();
  const [first, last] = backwards ? (['end', 'start'] as const) : (['start', 'end'] as const);
  const closure = (states: Set<number>, i: number) => reach(moves, states, (m) => !m.on && (m.at !== first || i === 0) && (m.at !== last || i === chars.length));
  let states = closure(new Set([backwards ? a.accept : a.start]), 0);
  for (let i = 0; i < chars.length; i++) {
    const next = new Set<number>();
    for (const s of states) for (const m of moves[s]) if (m.on?.(chars[i])) next.add(m.to);
    if (!next.size) return i + 1;
    states = closure(next, i + 1);
  }
  return undefined;
}

const automata = new Map<string, Automaton | undefined>();

/** `automatonOf`, once per pattern source. */
function automaton(source: string): Automaton | undefined {
  if (!automata.has(source)) automata.set(source, automatonOf(source));
  return automata.get(source);
}

/**
 * The shortest beginning of `prefix` that no value matching `source` (a pattern compiled with the `u` flag) begins
 * with (`(https|s3)://…` and "S3://b/" → "S"), or undefined when some value beginning with `prefix` may match.
 */
export function refusedBeginning(source: string, prefix: string): string | undefined {
  const a = automaton(source);
  const n = a?.anchoredStart ? deadAfter(a, prefix, false) : undefined;
  return n === undefined ? undefined : codePointSlice(prefix, n);
}

/** The shortest ending of `suffix` that no value matching `source` ends with, or undefined when some value ending with `suffix` may match. */
export function refusedEnding(source: string, suffix: string): string | undefined {
  const a = automaton(source);
  const n = a?.anchoredEnd ? deadAfter(a, suffix, true) : undefined;
  return n === undefined ? undefined : [...suffix].slice(-n).join('');
}

/**
 * A value whose written parts (`parts`, in order) stand between placeholders, each of which may stand for any text:
 * the first part no value matching `source` can hold where it stands (`arn:${P}:iam::${A}:user/x` for a role ARN:
 * ":user/x", at its "u"), as the part's index and how many of its characters (code points) were read when nothing
 * was left; undefined when some substitution may match. The automaton only widens the pattern, so an answer is sure.
 */
export function refusedPart(source: string, value: string, parts: readonly { start: number; end: number }[]): { part: number; length: number } | undefined {
  const a = automaton(source);
  // A pattern that does not bind both ends is found inside any text around it: no part is ever refused.
  if (!a?.anchoredStart || !a.anchoredEnd || !parts.length) return undefined;
  // Epsilon moves; `start` only before the value's first character, `end` only after its last.
  const closure = (states: Set<number>, atStart: boolean, atEnd: boolean) => reach(a.moves, states, (m) => !m.on && (m.at !== 'start' || atStart) && (m.at !== 'end' || atEnd));
  // A placeholder: any text, the empty one included (every character move taken, whatever it reads).
  const anyText = (states: Set<number>) => reach(a.moves, states, (m) => !m.at);
  let states = closure(new Set([a.start]), true, false);
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const { start, end } = parts[p];
    if (start > at) states = anyText(states);
    const chars = [...value.slice(start, end)];
    for (let i = 0; i < chars.length; i++) {
      const next = new Set<number>();
      for (const s of states) for (const m of a.moves[s]) if (m.on?.(chars[i])) next.add(m.to);
      if (!next.size) return { part: p, length: i + 1 };
      states = closure(next, false, false);
    }
    at = end;
  }
  if (at < value.length) states = anyText(states);
  return closure(states, false, true).has(a.accept) ? undefined : { part: parts.length - 1, length: parts[parts.length - 1].end - parts[parts.length - 1].start };
}
