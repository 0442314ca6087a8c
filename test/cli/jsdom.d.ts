// The part of jsdom (a devDependency without bundled types) that graphMermaid.test.ts uses: a window for Mermaid.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { readonly document: object };
  }
}
