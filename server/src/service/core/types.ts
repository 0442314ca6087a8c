// Types shared by every stage of the language service. The service is editor-agnostic: it reads a document's
// text and returns findings in character offsets; lsp.ts turns them into LSP types.
import type { NodeType } from 'jsonc-parser';

/**
 * A node of a parsed document: jsonc-parser's `Node`, mutable so an edit can update a tree in place.
 * JSON (jsonc-parser, fastJson.ts) and YAML (yaml/) all produce this shape: `object` nodes have `property`
 * children, each with `[keyNode, valueNode]` children; offsets are into the document's text, and a string
 * node spans its source text including any quotes.
 */
export interface AstNode {
  type: NodeType;
  value?: any;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: AstNode;
  children?: AstNode[];
  /**
   * JSON only: changed by an incremental re-parse (json/incrementalParse.ts) on every node whose subtree it
   * changed, and by a rewrite in place it cannot know of (core/findingsCache.ts restamp); a node with the same
   * identity and stamp has the same content (only its offsets may have moved).
   */
  stamp?: number;
  /** YAML only: a local tag written on the value (`!Ref`, `!Sub`: CloudFormation's short intrinsics), else absent. */
  tag?: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Where a diagnostic comes from: the SageMaker request checks, the ASL structure, the data flow, the file's syntax, or Step Functions itself (Validate with AWS). */
export type ProblemSource = 'sagemaker' | 'asl' | 'dataflow' | 'json' | 'yaml' | 'aws';

/** A finding, in offsets into the document's text. */
export interface Problem {
  offset: number;
  length: number;
  message: string;
  severity: Severity;
  source: ProblemSource;
  /** Stable per kind of check (see codes.ts); quick fixes and the CLI key on it. */
  code: string;
  /** What a quick fix needs to know, when the check knows it (e.g. the closest valid key). */
  data?: Record<string, unknown>;
}

/** A span of the document's text. */
export interface OffsetRange {
  offset: number;
  length: number;
}

/** A replacement of a span of the document's text (lsp.ts turns it into a TextEdit). */
export interface OffsetEdit extends OffsetRange {
  newText: string;
}

export type DocumentLanguage = 'json' | 'yaml';

/** A state machine's type (CreateStateMachine's `type`): what Express machines may not do is an error in them. */
export type WorkflowType = 'STANDARD' | 'EXPRESS';

/** A document parsed once and shared by every feature. */
export interface ParsedDocument {
  text: string;
  language: DocumentLanguage;
  root: AstNode | undefined;
  /** At most one: the first syntax error (later ones are usually consequences of it). */
  syntaxErrors: Problem[];
  /** Warnings about how the text reads that leave the tree whole (a YAML key given twice: the last is read). */
  readWarnings?: Problem[];
  /**
   * YAML: the aliases past the expansion budget (a "billion laughs"), in the tree as null: no finding is made there,
   * as what they stand for was not read (walk39: "must be a string, not a null" on a list).
   */
  unread?: { offset: number; length: number }[];
  /**
   * YAML: an error on each document of the stream besides the one read (`root`), reported when the file is itself a
   * state machine (one document); a template or any other YAML file is left to its own readers.
   */
  otherDocuments?: Problem[];
  /**
   * The workflow type a template declares for the machine (CloudFormation StateMachineType, SAM Type, Serverless
   * type); for a document that is a machine itself, the one it was given (DocumentStore.setWorkflowType).
   */
  workflowType?: WorkflowType;
  /**
   * A template's definition written as JSON inside a string (a JSON template's escaped DefinitionString, a quoted
   * YAML one, `Fn::Join` of strings and intrinsics as `cdk synth` writes it): its nodes are placed on the escaped
   * source they come from. Read, checked and navigated; never edited (an edit there would have to be escaped).
   */
  encoded?: true;
  /**
   * A template's Definition object, as it is written out when deployed, which its size is counted as: `jackson`, a
   * CloudFormation one, pretty-printed by the resource provider (DefinitionProcessor: jsonMapper.writerWithDefaultPrettyPrinter());
   * `sam`, a SAM one, by samtranslator's generators.py (json.dumps(definition, sort_keys=True, indent=4, separators=(",", ": "))).
   */
  deployedAs?: 'jackson' | 'sam';
}
