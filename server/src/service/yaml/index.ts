// YAML state machines (*.asl.yaml, *.asl.yml): the parser that gives every feature the same tree as JSON,
// the cursor's place in a half-typed document for completion, and YAML-aware edits for quick fixes.
export { parseYamlDocument, parseYaml, MAX_YAML_DEPTH, type YamlParseResult } from './parseYaml';
export { getYamlCompletionContext, pathOf, type YamlLocation, type YamlPath } from './completionContext';
export { yamlScalar, yamlInsertMembers, isInFlow, type ScalarContext } from './edits';
