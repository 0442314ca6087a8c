// Types of workbench.mjs (plain JavaScript so that scripts/start.mjs runs it without a build).
export declare const ROOT: string;
export declare const E2E_DIR: string;
export declare const CODE_SERVER: string;
export type CodeServerPin = 'current' | 'oldest';
export declare function codeServerInstall(which?: CodeServerPin): {
  which: CodeServerPin;
  version: string;
  nodeVersion: string;
  node: string;
  entry: string;
  installed: boolean;
};
export declare const CHROMIUM: string;
export declare const QUIET_SETTINGS: Record<string, unknown>;
export declare function sleep(ms: number): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function stopGroup(pid: number, graceMs?: number): Promise<void>;
export interface Running {
  pid: number;
  stop(): Promise<void>;
}
export declare function startEmulator(options?: { stepMs?: number; logFile?: string; account?: string }): Promise<Running & { url: string }>;
export declare function startCodeServer(options: {
  home: string;
  vsix?: string;
  folder: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  port?: number;
  codeServer?: CodeServerPin;
}): Promise<Running & { base: string; url: string; logFile: string }>;
