// Where in the States Language an object is: a machine (the top level, a Parallel branch, a Map's ItemProcessor), a
// state, a retrier, a catcher, a Choice rule, a retrier's or catcher's ErrorEquals, or a settings object (SETTINGS in
// fields.ts). It is found down the path from the machine's root, so it answers for half-typed text, where
// the tree may lack the object (completion), as for a node of the tree (hover, through the node's path).
import { property, stringValue } from '../core/tree';
import type { AstNode } from '../core/types';
import { queryLanguageOf, type QueryLanguage } from './model';
import { isSettingsName, MAP_MACHINE_FIELDS, SETTINGS, type SettingsName } from './fields';

export type Path = (string | number)[];

export interface Place {
  kind: 'machine' | 'state' | 'retrier' | 'catcher' | 'rule' | 'errors' | 'settings';
  /** The object's node, when the tree has it (a half-typed document may not). */
  node: AstNode | undefined;
  /** The machine (StartAt + States) whose states a transition here can name. */
  machine: AstNode | undefined;
  machineKind: 'top' | 'branch' | 'map';
  /** The query language of the state (or machine) the object belongs to. */
  ql: QueryLanguage;
  /** A Choice rule inside And/Or/Not (it has no Next). */
  nested?: boolean;
  /** A settings object's name (its fields and values are SETTINGS[settings]). */
  settings?: SettingsName;
  /** The state whose field (or a field under it) this is. */
  stateName?: string;
  /** The state's Type, for a state and what is under it (its retriers, a Map's settings…). */
  stateType?: string;
  /** An ErrorEquals list's: whether it is a retrier's (States.Runtime is never retried). */
  retrier?: boolean;
  /** The top level's query language (a state in a JSONata machine cannot say JSONPath). */
  topQl?: QueryLanguage;
  /** An ErrorEquals: the index of the entry the path goes on to. */
  entry?: number;
}

const child = (n: AstNode | undefined, seg: string | number): AstNode | undefined =>
  n?.type === 'object' && typeof seg === 'string' ? property(n, seg) : n?.type === 'array' && typeof seg === 'number' ? n.children?.[seg] : undefined;

/** The place of the object at `path` from the machine's root; undefined where the language says nothing (a payload). */
export function placeAt(root: AstNode, path: Path): Place | undefined {
  const top = queryLanguageOf(root, 'JSONPath');
  let place: Place = { kind: 'machine', node: root, machine: root, machineKind: 'top', ql: top, topQl: top };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    const at = (kind: Place['kind'], node: AstNode | undefined, extra: Partial<Place> = {}): Place => ({ ...place, kind, node, ...extra });
    // A settings object where SETTINGS says it is written: in a Map's ItemProcessor, a state of its type, another settings object.
    const holder = place.kind === 'machine' ? (place.machineKind === 'map' ? 'ItemProcessor' : undefined) : place.kind === 'state' ? place.stateType : place.kind === 'settings' ? place.settings : undefined;
    if (typeof seg === 'string' && holder && isSettingsName(seg) && SETTINGS[seg].in === holder) {
      place = at('settings', child(place.node, seg), { settings: seg });
      continue;
    }
    if (place.kind === 'machine') {
      if (seg !== 'States' || next === undefined) return undefined;
      const node = child(child(place.node, 'States'), next);
      // As the model reads it: a state says its own, else takes its machine's (a branch's own, else the top level's).
      place = at('state', node, { ql: queryLanguageOf(node, place.ql), stateName: String(next), stateType: stringValue(property(node, 'Type')) });
      i++;
    } else if (place.kind === 'state') {
      const list = child(place.node, seg);
      if (typeof seg === 'string' && MAP_MACHINE_FIELDS.includes(seg)) place = { kind: 'machine', node: list, machine: list, machineKind: 'map', ql: queryLanguageOf(list, top), topQl: top };
      else if (typeof next !== 'number') return undefined;
      else if (seg === 'Branches') place = { kind: 'machine', node: child(list, next), machine: child(list, next), machineKind: 'branch', ql: queryLanguageOf(child(list, next), top), topQl: top };
      else if (seg === 'Retry') place = at('retrier', child(list, next));
      else if (seg === 'Catch') place = at('catcher', child(list, next));
      else if (seg === 'Choices') place = at('rule', child(list, next), { nested: false });
      else return undefined;
      // A list's field (Branches, Retry, Catch, Choices) is followed by the item's index.
      if (!(place.kind === 'machine' && place.machineKind === 'map')) i++;
    } else if ((place.kind === 'retrier' || place.kind === 'catcher') && seg === 'ErrorEquals' && typeof next === 'number') {
      place = at('errors', child(place.node, seg), { entry: next, retrier: place.kind === 'retrier' });
      i++;
    } else if (place.kind === 'rule' && place.ql === 'JSONPath' && (seg === 'And' || seg === 'Or') && typeof next === 'number') {
      place = at('rule', child(child(place.node, seg), next), { nested: true });
      i++;
    } else if (place.kind === 'rule' && place.ql === 'JSONPath' && seg === 'Not') place = at('rule', child(place.node, seg), { nested: true });
    else return undefined;
  }
  return place;
}

/** The place of `node` (an object, or an ErrorEquals entry) of the machine whose root is `root`. */
export function placeOf(root: AstNode, node: AstNode): Place | undefined {
  const path = relative(root, pathOf(node));
  return path && placeAt(root, path);
}

/** `path` (from the document's top) relative to the machine's root; undefined when it leads outside the machine. */
export function relative(root: AstNode, path: Path): Path | undefined {
  const prefix = pathOf(root);
  if (prefix.length > path.length || prefix.some((s, i) => path[i] !== s)) return undefined;
  return path.slice(prefix.length);
}

/** The keys and indices from the document's top down to `node` (iterative: a machine may nest deeper than the stack). */
export function pathOf(node: AstNode): Path {
  const path: Path = [];
  for (let n: AstNode | undefined = node; n?.parent; n = n.parent) {
    const p: AstNode = n.parent;
    if (p.type === 'property' && p.children?.[1] === n) path.push(p.children[0].value as string);
    else if (p.type === 'array') path.push(p.children!.indexOf(n));
  }
  return path.reverse();
}
