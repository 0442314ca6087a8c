// The types of ruleText.mjs, for the server's TypeScript.
/** A prefix or suffix rule's texts: one, or a list. */
export function affixTexts(x: unknown): string[];
/** What a rule of documented-rules.json checks, in one line, its conditions after "when". */
export function ruleCheck(rule: object): string;
