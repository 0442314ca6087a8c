// What a new value's snippet is written from, and the one JSON writer of it: completion's new members and fields,
// in JSON, for the SageMaker requests and the language's own fields alike (yaml/snippets.ts writes the YAML).

/** The outline of a value's type that a snippet is written from (sagemaker/shapes.ts's Shape has it). */
export interface SnippetShape {
  kind: 'structure' | 'map' | 'list' | 'string' | 'integer' | 'number' | 'boolean' | 'timestamp';
  members?: Map<string, { shape: SnippetShape }>;
  /** Required members in order. */
  required?: string[];
  items?: SnippetShape;
  min?: number;
  enum?: string[];
  /** The value a snippet writes or offers first, when not the first choice or the least number (the caller's rules prefer it). */
  first?: string | number | boolean;
}

/** The values a boolean's or a small enum's snippet offers, in order, `first` first; undefined for any other value. */
export function choicesOf(shape: SnippetShape): string[] | undefined {
  const values = shape.kind === 'boolean' ? shape.enum ?? ['true', 'false'] : shape.enum && shape.enum.length <= 12 ? shape.enum : undefined;
  const first = shape.first === undefined ? undefined : String(shape.first);
  return values && first !== undefined && values.includes(first) ? [first, ...values.filter((v) => v !== first)] : values;
}

/** Text in a snippet's placeholder (`${1:…}`) or body: `$`, `}` and `\` escaped, so it reads as written. */
export const placeholderText = (s: string): string => s.replace(/[$}\\]/g, '\\$&');

/** One choice of a snippet's choice list (`${1|a,b|}`): its separators `,` and `|` escaped too. */
export const choiceText = (s: string): string => s.replace(/[\\,|$}]/g, '\\$&');

/** The number a snippet writes: the preferred one, else the least the shape allows, else 0. */
export const numberOf = (shape: SnippetShape): number => (typeof shape.first === 'number' ? shape.first : shape.min ?? 0);

/**
 * A new value as a JSON snippet, tab stops numbered as written: a structure with its required members, and theirs,
 * to a few levels (as yaml/snippets.ts writes YAML); a boolean's or small enum's choices; a number.
 */
export function jsonSnippet(shape: SnippetShape): string {
  let tab = 1;
  const write = (shape: SnippetShape, depth: number): string => {
    switch (shape.kind) {
      case 'structure': {
        const required = depth < 4 ? (shape.required ?? []).filter((r) => shape.members!.has(r)) : [];
        return required.length ? `{ ${required.map((r) => `"${r}": ${write(shape.members!.get(r)!.shape, depth + 1)}`).join(', ')} }` : `{ $${tab++} }`;
      }
      case 'map':
        return `{ $${tab++} }`;
      case 'list':
        return `[ $${tab++} ]`;
      case 'integer':
      case 'number':
        return `\${${tab++}:${numberOf(shape)}}`;
      default: {
        const values = choicesOf(shape);
        if (shape.kind === 'boolean') return values!.length === 1 ? values![0] : `\${${tab++}|${values!.join(',')}|}`;
        // Each choice as JSON string text (a quote in a state name escaped), then escaped for the snippet syntax.
        return values ? `"\${${tab++}|${values.map((v) => choiceText(JSON.stringify(v).slice(1, -1))).join(',')}|}"` : `"\${${tab++}}"`;
      }
    }
  };
  return write(shape, 0);
}
