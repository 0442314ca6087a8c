// Reading and writing shapes (shapes.ts) along JSONPath segments: what `$.a.b` reads from a shape, how far that is
// known, and what `ResultPath: $.a.b` makes of a state's input.
import type { AstNode } from '../core/types';
import { settingValueFault } from '../asl/fields';
import type { PathSegment } from '../expressions/index';
import { EMPTY_OBJECT, isHint, UNKNOWN, type Field, type ObjectShape, type Shape } from './shapes';

export interface PathStep {
  /** The segment read. */
  segment: PathSegment;
  /** The shape after it. */
  shape: Shape;
  /** The field read, when the segment named one of a known object. */
  field?: Field;
}

export interface PathReading {
  steps: PathStep[];
  /** The shape the whole path reads, UNKNOWN when not known (including after a missing field). */
  shape: Shape;
  /**
   * The first segment that cannot be there: an object that lists every field it can have, without this one, a
   * string/number/array read by name, or an object/string/number read by index. Only set when the shape there is
   * fully known.
   */
  missing?: { index: number; parent: Shape };
  /** The first segment whose field is not listed by an object that may have others (the path may still be fine). */
  unlisted?: { index: number; parent: Shape };
}

/**
 * Whether a value of `shape` is certainly not what the next segment needs (an object for a name, an array for an
 * index): Jayway JsonPath, which Step Functions runs, fails such a step of a definite path (PathNotFoundException,
 * States.Runtime) where the segments before it name one value each (the reading stops at the first that does not).
 * A hint (one launch's input) tells no kind for certain; a null is left alone, as it always was.
 */
const notA = (shape: Shape): boolean => (shape.kind === 'array' || shape.kind === 'object' || (shape.kind === 'primitive' && shape.type !== 'null')) && !isHint(shape);

const nameOf = (s: PathSegment): string | undefined => (s.kind === 'name' || s.kind === 'member' ? s.name : undefined);

/** Names as path segments (`a.b` of `$.a.b`), to read a shape by names alone (their offsets are not read). */
export const nameSegments = (names: readonly string[]): PathSegment[] => names.map((name) => ({ kind: 'name', name, start: 0, end: 0 }));

/** Reads `segments` from `shape`, step by step. */
export function readSegments(shape: Shape, segments: readonly PathSegment[]): PathReading {
  const steps: PathStep[] = [];
  let cur = shape;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const name = nameOf(seg);
    if (cur.kind === 'unknown') return { steps, shape: UNKNOWN };
    if (name !== undefined) {
      // `.length()` and other functions of the JSONPath engine: not a field.
      if (name.endsWith(')')) return { steps, shape: UNKNOWN };
      if (cur.kind !== 'object') return { steps, shape: UNKNOWN, ...(notA(cur) ? { missing: { index: i, parent: cur } } : {}) };
      const f = cur.fields.get(name);
      if (!f) return { steps, shape: UNKNOWN, ...(cur.open ? { unlisted: { index: i, parent: cur } } : { missing: { index: i, parent: cur } }) };
      cur = f.shape();
      steps.push({ segment: seg, shape: cur, field: f });
    } else if (seg.kind === 'index') {
      if (cur.kind !== 'array') return { steps, shape: UNKNOWN, ...(notA(cur) ? { missing: { index: i, parent: cur } } : {}) };
      // Past the end of a list whose every element is known (a Parallel's outputs): nothing there.
      if (cur.exact && cur.tuple && seg.index >= cur.tuple.length && !isHint(cur)) return { steps, shape: UNKNOWN, missing: { index: i, parent: cur } };
      cur = cur.tuple ? cur.tuple[seg.index] ?? UNKNOWN : cur.items;
      steps.push({ segment: seg, shape: cur });
    } else return { steps, shape: UNKNOWN }; // wildcards, filters, slices, deep scans: not followed
  }
  return { steps, shape: cur };
}

/** `shape` with `value` written at `names` (ResultPath `$.a.b`); an unknown or non-object part becomes open. */
export function writeAt(shape: Shape, names: string[], value: Shape): Shape {
  if (!names.length) return value;
  // Built from the innermost object outwards, without recursion.
  const parents: ObjectShape[] = [];
  let cur: Shape | undefined = shape;
  for (const name of names) {
    // A field that is not there yet is created as an empty object; an unknown value may have other fields.
    const obj: ObjectShape =
      cur?.kind === 'object' ? { kind: 'object', fields: new Map(cur.fields), open: cur.open } : { ...EMPTY_OBJECT(), open: cur !== undefined };
    parents.push(obj);
    const f: Field | undefined = cur?.kind === 'object' ? cur.fields.get(name) : undefined;
    cur = f ? f.shape() : cur?.kind === 'object' && !cur.open ? undefined : UNKNOWN;
  }
  let inner: Shape = value;
  for (let i = names.length - 1; i >= 0; i--) {
    const v = inner;
    parents[i].fields.set(names[i], { shape: () => v, type: v.kind === 'primitive' ? v.type : v.kind });
    inner = parents[i];
  }
  return inner;
}

// What the Choice rules of a document test: their Variables (JSONPath) and Conditions (JSONata), the list kept per
// tree while its content is the same, so that findings kept beside it survive an edit elsewhere.
const choiceTexts = new WeakMap<AstNode, string[]>();

/**
 * The texts the Choice states (`choices`, their nodes) of the tree `root` test: the same list as before while they
 * are the same, a new one when one changed (the review of the day: an edited Choice left its old warning standing).
 * Only the Choice states are walked: an edit costs their size, not the document's.
 */
export function choiceTextsOf(root: AstNode, choices: Iterable<AstNode>): readonly string[] {
  const texts: string[] = [];
  for (const choice of choices) {
    const stack = [choice];
    while (stack.length) {
      const node = stack.pop()!;
      const key = node.type === 'property' ? node.children?.[0]?.value : undefined;
      const value = node.type === 'property' ? node.children?.[1] : undefined;
      if ((key === 'Variable' || key === 'Condition') && value?.type === 'string') texts.push(value.value as string);
      for (const c of node.children ?? []) stack.push(c);
    }
  }
  const before = choiceTexts.get(root);
  if (before && before.length === texts.length && before.every((t, i) => t === texts[i])) return before;
  choiceTexts.set(root, texts);
  return texts;
}

/**
 * Whether a Choice rule (`texts`, choiceTextsOf's) tests the value a read selects: a Variable that is the read's own
 * path, or a Variable or Condition that names its last field or variable (`$.delay >= 0`, `{% $delay >= 0 %}`). A
 * value the definition writes may then be kept from the state that reads it (a sentinel -1 sent elsewhere): what it
 * surely is there is not known (the review of the day).
 */
export function choiceTested(texts: readonly string[], read: string, last: string): boolean {
  if (!texts.length) return false;
  // A read that ends in an index has no last name: only the same path is its test.
  if (!last) return texts.some((t) => t.trim() === read);
  const name = new RegExp(`[.$]${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`);
  return texts.some((t) => t.trim() === read || name.test(t));
}

/**
 * The value the definition writes (`shape`, what a read selects) that `setting` (Seconds, MaxConcurrency…) does not
 * take, with the words of what it must be (asl/fields.ts settingValueFault); undefined where it takes it, where the
 * value is not written in the definition, or where a Choice tests it (choiceTested on `choices`, `read`, `last`).
 */
export function writtenValueFault(shape: Shape, setting: string, choices: readonly string[], read: string, last: string): { value: number | string; words: string } | undefined {
  const value = shape.kind === 'primitive' && !isHint(shape) ? (shape.number ?? shape.text) : undefined;
  if (value === undefined || choiceTested(choices, read, last)) return undefined;
  const words = settingValueFault(setting, value);
  return words ? { value, words } : undefined;
}
