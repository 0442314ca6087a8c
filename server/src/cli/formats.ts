// The CLI's output formats: text for people, JSON for scripts, SARIF 2.1.0 for GitHub code scanning.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../service/core/types';
import { visibleText } from '../service/core/text';


export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** One finding, 1-based, with the file as the output shows it (relative to the working directory, `/`). */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Problem['severity'];
  code: string;
  message: string;
  /** `aws` for Step Functions' own findings (lint --aws); absent for the local checks. */
  source?: 'aws';
}

export function toFinding(file: string, doc: TextDocument, p: Problem): Finding {
  const start = doc.positionAt(p.offset), end = doc.positionAt(p.offset + p.length);
  const finding: Finding = { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: p.severity, code: p.code, message: p.message };
  if (p.source === 'aws') finding.source = 'aws';
  return finding;
}

/** The rule a finding reports: the code, or `aws/CODE` for Step Functions' own (apart from a local check's same code). */
const ruleOf = (f: Finding) => (f.source ? `${f.source}/${f.code}` : f.code);

/**
 * One line of text, whatever a file's name or a key in it holds: core/text.ts's visibleText, control characters and
 * line separators escaped as JSON writes them. A key with a line break would otherwise start a line of its own, and
 * CI reads lines starting with `::` as workflow commands (GitHub Actions' `::error`, `::add-mask::`,
 * `::stop-commands::`). The characters that reorder or hide text are escaped too.
 */
export const oneLine = visibleText;

/** A file's name as a message on one line says it: escaped as oneLine does, and `./` before a name starting with `::`. */
export const textPath = (path: string) => oneLine(path.startsWith('::') ? `./${path}` : path);

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function render(format: Format, findings: Finding[], checked: number, cwd: string): string {
  if (format === 'json') return JSON.stringify(findings, null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(toSarif(findings, cwd), null, 2) + '\n';
  const lines = findings.map((f) => `${textPath(f.file)}:${f.line}:${f.column} ${f.severity} ${ruleOf(f)} ${oneLine(f.message)}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - errors - warnings;
  const files = new Set(findings.map((f) => f.file)).size;
  // Information alone (a CLI skeleton's blanks) is counted as such: "0 errors, 0 warnings in 3 files" read as a
  // contradiction (walk38).
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes ? `, ${plural(notes, 'note')}` : ''} in ${plural(files, 'file')} (${checked} checked)`);
  return lines.join('\n') + '\n';
}

/**
 * A relative path as a URI reference. encodeURI leaves `#` and `?` alone, which would start a fragment or a
 * query (and point at another file), and `:`, which in the first segment would read as a scheme.
 */
const relativeUri = (file: string) => encodeURI(file).replace(/[#?:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Where code scanning finds a file: relative to the checkout, or the absolute URI of a file outside it. */
function artifactLocation(file: string, cwd: string) {
  return file.startsWith('../') || file === '..' ? { uri: pathToFileURL(resolve(cwd, file)).href } : { uri: relativeUri(file), uriBaseId: '%SRCROOT%' };
}

function toSarif(findings: Finding[], cwd = process.cwd()) {
  const codes = [...new Set(findings.map(ruleOf))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sagemaker-asl',
            informationUri: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
            rules: codes.map((id) => ({ id, shortDescription: { text: id.replace(/-/g, ' ') } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: ruleOf(f),
          ruleIndex: codes.indexOf(ruleOf(f)),
          level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(f.file, cwd),
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
}
