// Types of package.mjs for the TypeScript tests that import it.
export declare function packageExtension(options?: { root?: string; out?: string }): string;
