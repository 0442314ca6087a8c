// Template placeholders (SAM DefinitionSubstitutions, CDK tokens, Terraform templatefile): `${…}` in a value,
// replaced before deployment. Every check treats such a value as standing for one it cannot see.

/**
 * Whether a string holds a placeholder: a `${` with a `}` after it. Not the regex /\$\{[^}]*\}/: it retries from
 * every `${` and is quadratic on "${${${…".
 */
export const hasPlaceholder = (s: string): boolean => {
  const open = s.indexOf('${');
  return open >= 0 && s.indexOf('}', open + 2) >= 0;
};
