// Completion inside SageMaker payloads: member keys (required first, present ones left out, `.$` variants),
// enum values and booleans. Works in half-typed documents: the location comes from jsonc-parser's scanner.
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeConstraints, payloadAt, payloadContaining, shapeAt } from './payloadLocation';
import { describeType, type Member, type Shape } from './shapes';
import type { ParsedDocument } from './types';

function valueSnippet(shape: Shape): string {
  switch (shape.kind) {
    case 'structure': {
      const req = shape.required ?? [];
      return req.length ? `{ ${req.map((r, i) => `"${r}": ${placeholderFor(shape.members!.get(r)!.shape, i + 1)}`).join(', ')} }` : '{ $1 }';
    }
    case 'map':
      return '{ $1 }';
    case 'list':
      return '[ $1 ]';
    case 'boolean':
      return '${1|true,false|}';
    case 'integer':
    case 'number':
      return `\${1:${shape.min ?? 0}}`;
    default:
      return shape.enum && shape.enum.length <= 12 ? `"\${1|${shape.enum.join(',')}|}"` : '"$1"';
  }
}

function placeholderFor(shape: Shape, tab: number): string {
  switch (shape.kind) {
    case 'structure':
    case 'map':
      return '{}';
    case 'list':
      return '[]';
    case 'boolean':
      return 'false';
    case 'integer':
    case 'number':
      return `\${${tab}:${shape.min ?? 0}}`;
    default:
      return `"\${${tab}}"`;
  }
}

export function memberDocumentation(member: Member): string {
  const head = `**${member.name}** — ${describeType(member.shape)}${member.required ? ', **required**' : ''}`;
  const constraints = describeConstraints(member.shape);
  return [head, member.doc, constraints.length ? constraints.join(' · ') : undefined].filter(Boolean).join('\n\n');
}

/** The range of the token under the cursor that a completion replaces, and what follows it. */
function replaceRange(doc: TextDocument, text: string, offset: number, node: { offset: number; length: number } | undefined): Range {
  if (node && offset > node.offset && offset <= node.offset + node.length) {
    return { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) };
  }
  // A word being typed without a quote yet: replace it.
  let start = offset;
  while (start > 0 && /[\w.$-]/.test(text[start - 1])) start--;
  return { start: doc.positionAt(start), end: doc.positionAt(offset) };
}

function needsCommaAfter(text: string, end: number): boolean {
  const rest = /^\s*(.)/.exec(text.slice(end, end + 200));
  return !!rest && (rest[1] === '"' || rest[1] === '{');
}

export function doComplete(doc: TextDocument, parsed: ParsedDocument, offset: number): CompletionItem[] {
  if (parsed.language !== 'json') return [];
  const text = parsed.text;
  const ctx = locate(parsed, offset);
  if (!ctx) return [];
  const { location } = ctx;
  const jsonata = ctx.task.state.queryLanguage === 'JSONata';
  const prev = location.previousNode;

  if (location.isAtPropertyKey) {
    const step = shapeAt(ctx.integration.request, ctx.relative.slice(0, -1), jsonata);
    if (!step || step.dynamic || step.shape.kind !== 'structure') return [];
    const shape = step.shape;
    const editing = prev?.type === 'property' && offset > prev.offset && offset <= prev.offset + prev.length ? prev : undefined;
    // Keys already present in this object (but the one being edited) are not offered again.
    const objectNode = findObjectAt(parsed, ctx.payloadPath.concat(ctx.relative.slice(0, -1)));
    const present = new Set<string>();
    for (const p of objectNode?.children ?? []) {
      const k = p.children?.[0];
      if (k && k !== editing && typeof k.value === 'string' && !(editing && k.offset === editing.offset)) present.add((k.value as string).replace(/\.\$$/, ''));
    }
    const range = replaceRange(doc, text, offset, editing);
    const endOffset = doc.offsetAt(range.end);
    const hasColon = editing ? /^\s*:/.test(text.slice(endOffset, endOffset + 50)) : false;
    const comma = !hasColon && needsCommaAfter(text, endOffset) ? ',' : '';
    const items: CompletionItem[] = [];
    for (const member of shape.members!.values()) {
      if (present.has(member.name)) continue;
      const documentation = { kind: MarkupKind.Markdown, value: memberDocumentation(member) };
      const sort = `${member.required ? '0' : '1'}${member.deprecated ? '9' : '0'}`;
      items.push({
        label: member.name,
        kind: CompletionItemKind.Property,
        detail: `${describeType(member.shape)}${member.required ? ' (required)' : ''}`,
        documentation,
        sortText: `${sort}${member.name}`,
        filterText: `"${member.name}"`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: hasColon ? `"${member.name}"` : `"${member.name}": ${valueSnippet(member.shape)}${comma}` },
        tags: member.deprecated ? [1] : undefined,
      });
      if (!jsonata) {
        items.push({
          label: `${member.name}.$`,
          kind: CompletionItemKind.Property,
          detail: `${member.name} from a JSONPath or intrinsic function`,
          documentation,
          sortText: `${sort}${member.name}~`,
          filterText: `"${member.name}.$"`,
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range, newText: hasColon ? `"${member.name}.$"` : `"${member.name}.$": "\\$.\${1}"${comma}` },
        });
      }
    }
    return items;
  }

  // A value position: enum values and booleans of the member's shape.
  const step = shapeAt(ctx.integration.request, ctx.relative, jsonata);
  if (!step || step.dynamic) return [];
  const node = prev && (prev.type === 'string' || prev.type === 'boolean' || prev.type === 'number') ? prev : undefined;
  const range = replaceRange(doc, text, offset, node);
  if (step.shape.enum) {
    return step.shape.enum.map((value, i) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      detail: step.shape.name,
      sortText: String(i).padStart(4, '0'),
      filterText: `"${value}"`,
      textEdit: { range, newText: JSON.stringify(value) },
    }));
  }
  if (step.shape.kind === 'boolean') {
    return ['true', 'false'].map((value) => ({ label: value, kind: CompletionItemKind.Value, textEdit: { range, newText: value } }));
  }
  return [];
}

/**
 * Where the cursor is inside a SageMaker payload. Scanning only the payload's text keeps this fast in large
 * documents; when the tree does not place the cursor in a payload (a half-typed document), the whole text is scanned.
 */
function locate(parsed: ParsedDocument, offset: number) {
  const inPayload = payloadContaining(parsed, offset);
  if (inPayload) {
    const { value } = inPayload;
    const location = getLocation(parsed.text.slice(value.offset, value.offset + value.length), offset - value.offset);
    const shifted = location.previousNode ? { ...location.previousNode, offset: location.previousNode.offset + value.offset } : undefined;
    return { ...inPayload, relative: location.path, location: { ...location, previousNode: shifted } };
  }
  const location = getLocation(parsed.text, offset);
  const ctx = payloadAt(parsed, location.path);
  return ctx && { ...ctx, location };
}

function findObjectAt(parsed: ParsedDocument, path: (string | number)[]) {
  let node = parsed.root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') node = node.children?.find((p) => p.children?.[0]?.value === seg)?.children?.[1];
    else if (node.type === 'array' && typeof seg === 'number') node = node.children?.[seg];
    else return undefined;
  }
  return node?.type === 'object' ? node : undefined;
}
