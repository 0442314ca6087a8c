// What every answer of the language service must satisfy, whatever the document: no exception, and every
// offset and range inside the document.
import assert from 'node:assert/strict';
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../../server/src/service/languageService';

/** A position that names a real place in the document (offsetAt would silently clamp one that does not). */
export function assertPosition(doc: TextDocument, p: Position, what: string) {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: ${JSON.stringify(p)}`);
  assert.ok(p.line < doc.lineCount, `${what}: line ${p.line} of ${doc.lineCount}`);
  assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${what}: ${JSON.stringify(p)} is past the end of its line`);
}

export function assertRange(doc: TextDocument, r: Range, what: string) {
  assertPosition(doc, r.start, `${what} start`);
  assertPosition(doc, r.end, `${what} end`);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: ${JSON.stringify(r)} ends before it starts`);
}

/** What the features answered, over every call of checkEverything (for the figures the tests print). */
export const answered = { completionItems: 0, hovers: 0, diagnostics: 0, fixes: 0 };

/** Every feature at the given offsets: answers, and answers inside the document. Returns the number of requests. */
export function checkEverything(service: LanguageService, doc: TextDocument, offsets: number[], { jsonFeatures = true } = {}): number {
  const length = doc.getText().length;
  const problems = service.validate(doc);
  for (const p of problems) {
    assert.ok(Number.isInteger(p.offset) && Number.isInteger(p.length), `problem offsets are integers: ${JSON.stringify(p)}`);
    assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= length, `problem inside the document (length ${length}): ${JSON.stringify({ ...p, data: undefined })}`);
    assert.ok(typeof p.message === 'string' && p.message.length > 0, 'problem has a message');
  }
  for (const d of service.doValidation(doc)) assertRange(doc, d.range, `diagnostic ${d.code}`);
  answered.diagnostics += problems.length;
  for (const offset of offsets) {
    const position = doc.positionAt(offset);
    const at = doc.offsetAt(position); // offset itself may fall inside a \r\n, which positions cannot name
    const items = service.doComplete(doc, position);
    answered.completionItems += items.length;
    for (const item of items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) {
        assertRange(doc, edit.range, `completion ${item.label}`);
        // LSP: "a single line range and it must contain the position at which completion has been requested".
        const { start, end } = edit.range;
        assert.ok(start.line === end.line, `completion ${item.label}: range ${JSON.stringify(edit.range)} spans lines`);
        assert.ok(doc.offsetAt(start) <= at && at <= doc.offsetAt(end), `completion ${item.label}: range ${JSON.stringify(edit.range)} does not contain the cursor ${JSON.stringify(position)}`);
      }
    }
    const hover = service.doHover(doc, position);
    if (hover) answered.hovers++;
    if (hover?.range) {
      assertRange(doc, hover.range, 'hover');
      assert.ok(doc.offsetAt(hover.range.start) <= at && at <= doc.offsetAt(hover.range.end), `hover range ${JSON.stringify(hover.range)} does not contain ${JSON.stringify(position)}`);
    }
  }
  // Quick fixes: inside the document, not overlapping, and never breaking the syntax of a document without errors.
  const fixes = service.fixAll(doc);
  answered.fixes += fixes.length;
  const offsets2 = fixes.map((e) => {
    assertRange(doc, e.range, 'fix-all edit');
    return [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
  });
  offsets2.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < offsets2.length; i++) assert.ok(offsets2[i - 1][1] <= offsets2[i][0], `fix-all edits overlap: ${JSON.stringify(offsets2)}`);
  if (fixes.length && !problems.some((p) => p.code === 'syntax' || p.code === 'too-large')) {
    const fixed = TextDocument.create(`${doc.uri}#fixed`, doc.languageId, 1, TextDocument.applyEdits(doc, fixes));
    const broken = service.validate(fixed).filter((p) => p.code === 'syntax');
    assert.deepEqual(broken, [], `fix-all broke the syntax:\n${fixed.getText().slice(0, 2000)}`);
  }
  for (const t of service.findTasks(doc)) assertRange(doc, t.range, `task ${t.stateName}`);
  for (const l of service.getCodeLenses(doc)) assertRange(doc, l.range, 'code lens');
  let requests = 6 + 2 * offsets.length;
  if (jsonFeatures) {
    for (const f of service.getFoldingRanges(doc) ?? []) assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineCount, `folding ${JSON.stringify(f)}`);
    for (let s: any = service.getSelectionRanges(doc, offsets.map((o) => doc.positionAt(o)))[0]; s; s = s.parent) assertRange(doc, s.range, 'selection');
    for (const e of service.format(doc, undefined, { tabSize: 2, insertSpaces: true })) assertRange(doc, e.range, 'format edit');
    requests += 3;
  }
  return requests;
}
