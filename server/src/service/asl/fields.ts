// The Amazon States Language's own tables: the state types, the fields of each state type, machine, retrier, catcher,
// Choice rule and settings object, which query language a field belongs to, their JSON types, the path fields, the
// fields that hold sub-machines, which fields only a Distributed Map reads, the values the language fixes (query
// languages, jitter strategies, the settings' values, the predefined error names) and the fields whose expressions
// Step Functions evaluates or never evaluates. Data, not checks: the model (model.ts), the structure checks
// (validateStructure.ts), completion, hover and the data flow read these same tables, so what one accepts the others
// offer and explain.
import type { PathKind } from '../expressions/index';
import type { AslMachine, AslState, QueryLanguage } from './model';

/** The state types of the States Language. */
export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

/** The state types that have a result (ResultSelector, `$states.result`): a Task's, a Parallel's branches', a Map's iterations'. */
export const RESULT_STATES: ReadonlySet<string> = new Set(['Task', 'Parallel', 'Map']);

/** Path fields of JSONPath states and the kind of path they take (ResultPath writes; the others read). */
export const PATH_FIELDS: Readonly<Record<string, PathKind>> = {
  InputPath: 'path', OutputPath: 'path', ResultPath: 'reference', ItemsPath: 'reference',
  TimeoutSecondsPath: 'reference', HeartbeatSecondsPath: 'reference', SecondsPath: 'reference', TimestampPath: 'reference',
  MaxConcurrencyPath: 'reference', ToleratedFailurePercentagePath: 'reference', ToleratedFailureCountPath: 'reference',
};
/** A Fail state's paths (to its input, also in a JSONata machine's JSONPath states): any path, intrinsics too. */
export const ERROR_PATH_FIELDS: readonly string[] = ['ErrorPath', 'CausePath'];
/** The path fields of a JSONPath state that read its input or output. */
export const READ_PATH_FIELDS: ReadonlySet<string> = new Set([...Object.keys(PATH_FIELDS).filter((f) => f !== 'ResultPath'), ...ERROR_PATH_FIELDS]);
/**
 * The ones that give a state's setting from its input after InputPath (a Task's timeouts, a Wait's time, a Map's
 * limits): each reads one value, as the plain field (TimeoutSeconds…) would give it.
 */
export const SETTING_PATH_FIELDS: readonly string[] = Object.keys(PATH_FIELDS).filter((f) => !['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath'].includes(f));
/**
 * The settings a state takes from data (a JSONata state's expression, a JSONPath state's `…Path` twin reading its
 * input): the state type that has each, the JSON type its value must have and that in the words of the developer
 * guide's state pages. A value of another type fails the state when it runs (data flow's warnings).
 */
const SETTING_VALUES: Readonly<Record<string, { state: 'Map' | 'Task' | 'Wait'; type: 'array' | 'number' | 'string'; words: string }>> = {
  Items: { state: 'Map', type: 'array', words: 'an array' },
  MaxConcurrency: { state: 'Map', type: 'number', words: 'a non-negative integer' },
  ToleratedFailureCount: { state: 'Map', type: 'number', words: 'a non-negative integer' },
  ToleratedFailurePercentage: { state: 'Map', type: 'number', words: 'a number from 0 to 100' },
  TimeoutSeconds: { state: 'Task', type: 'number', words: 'a positive integer' },
  HeartbeatSeconds: { state: 'Task', type: 'number', words: 'a positive integer' },
  Seconds: { state: 'Wait', type: 'number', words: 'a non-negative integer' },
  Timestamp: { state: 'Wait', type: 'string', words: 'an RFC 3339 timestamp string' },
};
/** The setting a field is, if it is one (TimeoutSeconds…). */
export const settingOf = (field: string) => (Object.hasOwn(SETTING_VALUES, field) ? SETTING_VALUES[field] : undefined);
/** The setting a JSONPath `…Path` field gives, if it is one (TimeoutSecondsPath: TimeoutSeconds). */
export const settingOfPath = (field: string) => (field.endsWith('Path') ? settingOf(field.slice(0, -4)) : undefined);
// RFC 3339 with the service's restrictions: an uppercase T between date and time, an uppercase Z (or an offset).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** A timestamp as RFC 3339 defines it, the date and time possible too (no month 13, February 30, hour 24; second 60 is a leap second). */
export function isTimestamp(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetOk = m[8] === 'Z' || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/**
 * What is wrong with `value`, a value a setting (Seconds, MaxConcurrency…) is given through a path or an expression,
 * by the range and type the checks give the setting written plainly (TYPED_FIELDS): its words ("a non-negative
 * integer"), or nothing when it fits. A number written as text counts as that number, as the service reads it.
 */
export function settingValueFault(field: string, value: number | string): string | undefined {
  const setting = settingOf(field);
  const typed = setting && TYPED_FIELDS.find((f) => f.field === field);
  if (!setting || !typed) return undefined;
  if (setting.type === 'string') return typeof value === 'string' && field === 'Timestamp' && !isTimestamp(value) ? setting.words : undefined;
  if (setting.type !== 'number') return undefined;
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n)) return undefined;
  const fits = (typed.want !== 'integer' || Number.isInteger(n)) && (typed.min === undefined || n >= typed.min) && (typed.max === undefined || n <= typed.max);
  return fits ? undefined : setting.words;
}
/** A Map state's fields holding its iterations' machine (Iterator is ItemProcessor's older name). */
export const MAP_MACHINE_FIELDS: readonly string[] = ['ItemProcessor', 'Iterator'];
/** A state's fields holding sub-machines (a Parallel's Branches, a Map's processor), whose states are states of their own. */
export const SUB_MACHINE_FIELDS: ReadonlySet<string> = new Set(['Branches', ...MAP_MACHINE_FIELDS]);
/**
 * A state's fields whose strings Step Functions never evaluates: its sub-machines (their states are checked and
 * read as states), a Pass state's Result (data, sent as written) and a Comment (text for people).
 */
export const NEVER_EVALUATED_FIELDS: ReadonlySet<string> = new Set([...SUB_MACHINE_FIELDS, 'Result', 'Comment']);

const IO = ['InputPath', 'OutputPath'];

/** Fields of each state type besides Type, Comment and QueryLanguage (both query languages' fields). */
export const STATE_FIELDS: Record<string, string[]> = {
  Pass: [...IO, 'Next', 'End', 'Result', 'ResultPath', 'Parameters', 'Output', 'Assign'],
  Task: [...IO, 'Next', 'End', 'Resource', 'Parameters', 'Arguments', 'Credentials', 'ResultSelector', 'ResultPath', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'Retry', 'Catch', 'Output', 'Assign'],
  Choice: [...IO, 'Choices', 'Default', 'Output', 'Assign'],
  Wait: [...IO, 'Next', 'End', 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath', 'Output', 'Assign'],
  Succeed: [...IO, 'Output'],
  Fail: ['Error', 'ErrorPath', 'Cause', 'CausePath'],
  Parallel: [...IO, 'Next', 'End', 'Branches', 'ResultPath', 'Parameters', 'Arguments', 'ResultSelector', 'Output', 'Assign', 'Retry', 'Catch'],
  Map: [...IO, 'Next', 'End', 'Iterator', 'ItemProcessor', 'ItemsPath', 'Items', 'MaxConcurrency', 'MaxConcurrencyPath', 'ResultPath', 'Parameters', 'ItemSelector', 'ResultSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath', 'ToleratedFailureCount', 'ToleratedFailureCountPath', 'Label', 'Retry', 'Catch', 'Output', 'Assign'],
};
export const COMMON_FIELDS = ['Type', 'Comment', 'QueryLanguage'];

// Fields of one query language only. JSONPath's: the path fields (PATH_FIELDS and ERROR_PATH_FIELDS above:
// InputPath, OutputPath, ResultPath and ItemsPath, which the JSONata documentation lists as removed, and the …Path
// variants the developer guide marks "(JSONPath only)": a JSONata state writes the plain field with an expression),
// and the payload templates and Result, removed too.
export const JSONPATH_ONLY: ReadonlySet<string> = new Set([...Object.keys(PATH_FIELDS), ...ERROR_PATH_FIELDS, 'Parameters', 'ResultSelector', 'Result']);
export const JSONATA_ONLY = new Set(['Arguments', 'Output', 'Items']);

export const ROOT_FIELDS: Record<AslMachine['kind'], string[]> = {
  top: ['Comment', 'StartAt', 'States', 'TimeoutSeconds', 'Version', 'QueryLanguage'],
  branch: ['Comment', 'StartAt', 'States', 'QueryLanguage'],
  // No QueryLanguage: the service refuses it on an ItemProcessor (SCHEMA_VALIDATION_FAILED); its states take the
  // machine's, as every state does (asl/model.ts), not the Map state's.
  map: ['Comment', 'StartAt', 'States', 'ProcessorConfig'],
};

export const QUERY_LANGUAGES = ['JSONPath', 'JSONata'];
export const JITTER_STRATEGIES = ['FULL', 'NONE'];

export const RETRIER_FIELDS = ['ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment'];
export const CATCHER_FIELDS = ['ErrorEquals', 'Next', 'ResultPath', 'Output', 'Assign', 'Comment'];

export const COMPARATORS: Record<string, 'string' | 'number' | 'boolean' | 'path'> = {};
for (const op of ['StringEquals', 'StringLessThan', 'StringGreaterThan', 'StringLessThanEquals', 'StringGreaterThanEquals', 'StringMatches', 'TimestampEquals', 'TimestampLessThan', 'TimestampGreaterThan', 'TimestampLessThanEquals', 'TimestampGreaterThanEquals']) COMPARATORS[op] = 'string';
for (const op of ['NumericEquals', 'NumericLessThan', 'NumericGreaterThan', 'NumericLessThanEquals', 'NumericGreaterThanEquals']) COMPARATORS[op] = 'number';
for (const op of ['BooleanEquals', 'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']) COMPARATORS[op] = 'boolean';
for (const op of Object.keys(COMPARATORS)) if (!op.startsWith('Is') && op !== 'StringMatches') COMPARATORS[op + 'Path'] = 'path';
export const LOGICAL = ['And', 'Or', 'Not'];
/** A JSONPath Choice rule's operators: it holds exactly one (a comparison beside Variable, or And/Or/Not). */
const CHOICE_OPERATORS = [...Object.keys(COMPARATORS), ...LOGICAL];
/** A Wait state's ways of saying how long: it holds exactly one. */
export const WAIT_FIELDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];
/**
 * The fields an object holds one of at most, per group: a state's Next and End, a Wait's four, each typed field and
 * its `…Path` twin (TYPED_FIELDS pairs every entry so, a few twins no state has: a group of one real field); a
 * JSONPath Choice rule's operators, and Variable or And/Or/Not. The structure checks flag a second; completion offers
 * none of a group once one is written.
 */
export function exclusiveGroups(of: 'state' | 'rule', stateType?: string): readonly (readonly string[])[] {
  if (of === 'rule') return [CHOICE_OPERATORS, ['Variable', ...LOGICAL]];
  const groups: string[][] = [['Next', 'End'], ...TYPED_FIELDS.map((f) => [f.field, f.pathField])];
  return stateType === 'Wait' ? [...groups, WAIT_FIELDS] : groups;
}
/** The fields of a Choice rule by query language (a rule inside And/Or/Not has no Next, Assign or Output). */
export const CHOICE_RULE_FIELDS: Record<'JSONPath' | 'JSONata', string[]> = {
  JSONPath: ['Variable', ...CHOICE_OPERATORS, 'Next', 'Assign', 'Comment'],
  JSONata: ['Condition', 'Next', 'Assign', 'Output', 'Comment'],
};
/**
 * The predefined error names ("Step Functions identifies errors in the Amazon States Language using case-sensitive
 * strings, known as error names. The Amazon States Language defines a set of built-in strings that name well-known
 * errors, all beginning with the States. prefix", developer guide, concepts-error-handling.html; the ASL
 * specification's Appendix A). States can report errors with other names, which must not begin with `States.`.
 */
export const PREDEFINED_ERRORS = ['States.ALL', 'States.TaskFailed', 'States.Timeout', 'States.HeartbeatTimeout', 'States.Permissions',
  'States.ResultPathMatchFailure', 'States.ParameterPathFailure', 'States.QueryEvaluationError', 'States.BranchFailed', 'States.NoChoiceMatched',
  'States.IntrinsicFailure', 'States.ExceedToleratedFailureThreshold', 'States.ItemReaderFailed', 'States.ResultWriterFailed',
  'States.DataLimitExceeded', 'States.Runtime', 'States.Http.Socket'];

/** What an ItemReader reads (input-output-itemreader.html: "Accepts one of the following values: CSV, JSON, JSONL, PARQUET, MANIFEST."). */
const READER_INPUT_TYPES = ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'];
/** Where a CSV's header is (input-output-itemreader.html, CSVHeaderLocation: "Accepts one of the following values to specify the location of the column header": FIRST_ROW, GIVEN). */
const CSV_HEADER_LOCATIONS = ['FIRST_ROW', 'GIVEN'];
/**
 * What a reader does with the objects it lists (input-output-itemreader.html, Transformation: "Value will be either or
 * `NONE` or `LOAD_AND_FLATTEN`"), and the manifest it reads (ManifestType: "Value will be either or `ATHENA_DATA` or
 * `S3_INVENTORY`"); an Athena manifest's data files are "either `CSV`, `JSONL`, or `Parquet`".
 */
const READER_TRANSFORMATIONS = ['NONE', 'LOAD_AND_FLATTEN'];
const MANIFEST_TYPES = ['ATHENA_DATA', 'S3_INVENTORY'];
export const ATHENA_INPUT_TYPES = ['CSV', 'JSONL', 'PARQUET'];
/**
 * What separates a CSV's fields (example-csv-parse-dist-map.html: "The delimiter that separates fields is specified by
 * CSVDelimiter in ReaderConfig. The delimiter defaults to COMMA."; the values are CDK's CsvDelimiter members: "COMMA",
 * "PIPE", "SEMICOLON", "SPACE", "TAB").
 */
const CSV_DELIMITERS = ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'];
/** How a ResultWriter shapes the results (input-output-resultwriter.html, WriterConfig: Transformation "NONE", "COMPACT", "FLATTEN"; OutputType "JSON", "JSONL"). */
const WRITER_TRANSFORMATIONS = ['NONE', 'COMPACT', 'FLATTEN'];
const WRITER_OUTPUT_TYPES = ['JSON', 'JSONL'];
/**
 * The S3 actions a Distributed Map reads its items with (input-output-itemreader.html: GetObject for a file, ListObjectsV2
 * for the objects under a prefix) and writes its results with (input-output-resultwriter.html: PutObject).
 */
const READER_RESOURCES = ['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2'];
const WRITER_RESOURCES = ['arn:aws:states:::s3:putObject'];

/**
 * The settings objects: where each is written and its fields, with the values the checks accept (undefined: any value
 * of the field's type). A Map's ItemProcessor has a ProcessorConfig (the states language's Map State); a Distributed
 * Map an ItemReader (with its ReaderConfig), an ItemBatcher and a ResultWriter (with its WriterConfig); a Task its
 * Credentials. The checks, completion and hover read this one table (asl/place.ts says where an object is one); a
 * member that is none of its object's fields is an error there, in ReaderConfig and WriterConfig too (asl43: a
 * misspelt `MaxItem` was read by no one). A field the service adds is added here.
 */
export const SETTINGS = {
  ProcessorConfig: { in: 'ItemProcessor', fields: { Mode: ['INLINE', 'DISTRIBUTED'], ExecutionType: ['STANDARD', 'EXPRESS'] } },
  ItemReader: { in: 'Map', fields: { Resource: READER_RESOURCES, Parameters: undefined, Arguments: undefined, ReaderConfig: undefined } },
  ItemBatcher: { in: 'Map', fields: { MaxItemsPerBatch: undefined, MaxItemsPerBatchPath: undefined, MaxInputBytesPerBatch: undefined, MaxInputBytesPerBatchPath: undefined, BatchInput: undefined } },
  ResultWriter: { in: 'Map', fields: { Resource: WRITER_RESOURCES, Parameters: undefined, Arguments: undefined, WriterConfig: undefined } },
  ReaderConfig: { in: 'ItemReader', fields: { InputType: READER_INPUT_TYPES, CSVHeaderLocation: CSV_HEADER_LOCATIONS, CSVHeaders: undefined, CSVDelimiter: CSV_DELIMITERS, MaxItems: undefined, MaxItemsPath: undefined, Transformation: READER_TRANSFORMATIONS, ManifestType: MANIFEST_TYPES, ItemsPointer: undefined } },
  WriterConfig: { in: 'ResultWriter', fields: { Transformation: WRITER_TRANSFORMATIONS, OutputType: WRITER_OUTPUT_TYPES } },
  Credentials: { in: 'Task', fields: { RoleArn: undefined, 'RoleArn.$': undefined } },
} as const satisfies Record<string, { in: string; fields: Record<string, readonly string[] | undefined> }>;
export type SettingsName = keyof typeof SETTINGS;

export const isSettingsName = (name: string): name is SettingsName => Object.hasOwn(SETTINGS, name);

/** The values the language fixes for a settings object's field (ProcessorConfig's Mode…), if it fixes them. */
export const settingValues = (name: SettingsName, field: string): readonly string[] | undefined =>
  Object.hasOwn(SETTINGS[name].fields, field) ? (SETTINGS[name].fields as Record<string, readonly string[] | undefined>)[field] : undefined;

/**
 * The fields settings object `name` takes in a state of query language `ql`: Parameters, the …Path fields and `.$`
 * keys are JSONPath's, Arguments JSONata's (the states language, as for a state's own fields).
 */
export function settingsFields(name: SettingsName, ql: QueryLanguage): string[] {
  return Object.keys(SETTINGS[name].fields).filter((f) => (ql === 'JSONata' ? f !== 'Parameters' && !f.endsWith('Path') && !f.endsWith('.$') : f !== 'Arguments'));
}

/** What only a Distributed Map reads: "Fields specific to Distributed Map" (state-map-distributed.html). */
export const DISTRIBUTED_ONLY = ['ItemReader', 'ItemBatcher', 'ResultWriter', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath', 'ToleratedFailureCount', 'ToleratedFailureCountPath', 'Label'];

/** The JSON type the checks want a field's value to have (`string|null`: a path field, which may be null). */
export type Want = 'string' | 'object' | 'array' | 'boolean' | 'number' | 'integer' | 'string|null';

// The field tables checkState walks for every state are made once, here (not per state: on opening 2,000 states their
// arrays and strings were a good part of what the first check allocated).
/** Fields whose value is an object; all but ItemSelector may not be a whole JSONata string either (checkObjectField). */
export const OBJECT_FIELDS = ['Assign', 'Credentials', 'ItemReader', 'ItemBatcher', 'ResultWriter'];
/** Fields of a JSON type (numbers in a range), each with its `…Path` twin, which may not sit beside it. */
export const TYPED_FIELDS = ([
  ['TimeoutSeconds', 'integer', 1, 99999999], ['HeartbeatSeconds', 'integer', 1, 99999999], ['Seconds', 'integer', 0, 99999999], ['Timestamp', 'string'],
  ['MaxConcurrency', 'integer', 0], ['ToleratedFailurePercentage', 'number', 0, 100], ['ToleratedFailureCount', 'integer', 0],
  ['Error', 'string'], ['Cause', 'string'], ['Resource', 'string'], ['Label', 'string'], ['Items', 'array'],
] as [string, Want, number?, number?][]).map(([field, want, min, max]) => ({ field, want, min, max, pathField: `${field}Path` }));
/** A retrier's numbers. */
export const RETRIER_TYPED_FIELDS = ([
  ['IntervalSeconds', 'integer', 1, 99999999], ['MaxAttempts', 'integer', 0, 99999999], ['BackoffRate', 'number', 1], ['MaxDelaySeconds', 'integer', 1, 31622400],
] as [string, Want, number?, number?][]).map(([field, want, min, max]) => ({ field, want, min, max }));

/** The type (and range) of a state's or a retrier's field, from the tables the checks use: what completion writes. */
export function fieldType(field: string, inRetrier: boolean): { want: Want; min?: number; max?: number } | undefined {
  return (inRetrier ? RETRIER_TYPED_FIELDS : TYPED_FIELDS).find((f) => f.field === field);
}

/** A JSONPath state's fields whose `.$` keys' values Step Functions evaluates: its payload templates and Assign. */
const JSONPATH_EVALUATED: ReadonlySet<string> = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Credentials', 'Assign', 'ItemReader', 'ResultWriter']);

/**
 * Whether Step Functions evaluates the expressions written at `keys` (the fields from `state` down to a value): a
 * `.$` value in a JSONPath state's payload templates and Assign, a `{% %}` string in a JSONata state's evaluated
 * fields, a Choice rule's or catcher's Assign (and in JSONata their Output, a rule's Condition). Elsewhere (a Pass
 * state's Result, a Comment) an expression is text.
 */
export function evaluatedHere(state: AslState, keys: readonly string[]): boolean {
  const [field, sub] = keys;
  const jsonata = state.queryLanguage === 'JSONata';
  if (field === 'Choices' || field === 'Catch') return sub === 'Assign' || (jsonata && (sub === 'Output' || (field === 'Choices' && sub === 'Condition')));
  return field !== undefined && (jsonata ? JSONATA_EVALUATED : JSONPATH_EVALUATED).has(field);
}

/**
 * A state's fields whose `{% … %}` strings Step Functions evaluates, each to a value (evaluatedHere above, which the
 * JSONata reads, hover and completion ask): the JSONata fields and ItemSelector, the object fields, and the typed
 * fields the states language lets a JSONata string give (all but Resource and Label).
 */
const JSONATA_EVALUATED: ReadonlySet<string> = new Set([
  ...JSONATA_ONLY, 'ItemSelector', ...OBJECT_FIELDS, ...TYPED_FIELDS.map((f) => f.field).filter((f) => f !== 'Resource' && f !== 'Label'),
]);

/** A Map state's fields read before it has any item (its items, its limits): `$$.Map` is not there yet. */
export const READ_BEFORE_ITEMS: ReadonlySet<string> = new Set(['InputPath', 'ItemsPath', 'Items', 'MaxConcurrencyPath', 'MaxConcurrency', 'ToleratedFailureCountPath', 'ToleratedFailureCount', 'ToleratedFailurePercentagePath', 'ToleratedFailurePercentage']);

/** A state's fields (and a Map's reader's and batcher's) that take a path through a twin named with Path. */
export const PATH_TWINS: ReadonlySet<string> = new Set(['Seconds', 'Timestamp', 'TimeoutSeconds', 'HeartbeatSeconds', 'MaxConcurrency', 'ToleratedFailureCount', 'ToleratedFailurePercentage', 'Error', 'Cause', 'MaxItems', 'MaxItemsPerBatch', 'MaxInputBytesPerBatch']);
/** The fields whose value is a payload template, where a key with `.$` takes a path. */
export const PAYLOAD_TEMPLATES: ReadonlySet<string> = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials', 'BatchInput']);
