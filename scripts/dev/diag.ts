import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
const ls = getLanguageService();
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const doc = TextDocument.create('file://' + f, f.endsWith('.yaml') ? 'asl-yaml' : 'json', 1, text);
  for (const d of ls.doValidation(doc)) console.log(f.split('/').pop(), d.range.start.line + 1, d.severity, d.code, d.message);
}
