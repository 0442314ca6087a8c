// One fresh process of AWS's amazon-states-language-service: its first parse + validation of a generated machine,
// as the AWS Toolkit's server does when the file is opened. Prints the milliseconds (the module load is not counted,
// as our server's start is not counted in its open). Run by bench.mjs: node aslsFirst.mjs N
import { createRequire } from 'node:module';
import { generateStateMachine } from './generate.mjs';

const require = createRequire(import.meta.url);
const asls = require('amazon-states-language-service');
const { TextDocument } = require('vscode-languageserver-textdocument');
const n = Number(process.argv[2]);
const text = generateStateMachine(n);
const s = performance.now();
const service = asls.getLanguageService({});
const doc = TextDocument.create(`file:///bench-${n}.asl.json`, 'asl', 1, text);
await service.doValidation(doc, service.parseJSONDocument(doc));
console.log((performance.now() - s).toFixed(1));
