// YAML state machines (*.asl.yaml, *.asl.yml): the parser that gives every feature the same tree as JSON,
// the cursor's place in a half-typed document for completion, and YAML-aware edits for quick fixes.
// Importing this module registers the parser with parse.ts.
import { registerYamlParser } from '../parse';
import { parseYaml } from './parseYaml';

registerYamlParser(parseYaml);

export { parseYamlDocument, parseYaml, MAX_YAML_DEPTH, type YamlParseResult } from './parseYaml';
export { getYamlCompletionContext, getYamlLocation, pathOf, type YamlLocation, type YamlPath } from './completionContext';
export { yamlScalar, yamlInsertMembers, isInFlow, type OffsetEdit, type ScalarContext } from './edits';
