// How JSONata writes a field name in a path: bare when it is an identifier and no word of the language, else in
// backquotes. Shared by the data flow (a path written back in its findings) and the JSONPath → JSONata rewrite.

/** Words JSONata reads as operators or literals, not as field names. */
export const JSONATA_KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The step `.name`, or `` .`name` `` for a name JSONata cannot write bare. */
export const jsonataStep = (name: string): string => (IDENT.test(name) && !JSONATA_KEYWORDS.has(name) ? `.${name}` : `.\`${name}\``);
