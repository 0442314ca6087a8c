// Types of workbench.mjs (plain JavaScript so that scripts/start.mjs runs it without a build).
import type { Browser, Locator, Page } from 'playwright-core';

export declare const ROOT: string;
export declare const E2E_DIR: string;
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

export declare const CI: boolean;
export interface BrowserSuite {
  name: string;
  codeServer: CodeServerPin;
  cs: ReturnType<typeof codeServerInstall>;
  home: string;
  workspace: string;
  shots: string;
  missing: string[];
  skip: string | false;
}
export declare function browserSuite(options: { name: string; codeServer?: CodeServerPin; what: string }): BrowserSuite;
export declare function freshWorkspace(suite: BrowserSuite): void;
export interface Workbench {
  vscode: Running & { base: string; url: string; logFile: string };
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}
export declare function openWorkbench(suite: BrowserSuite, options?: { settings?: Record<string, unknown>; env?: Record<string, string> }): Promise<Workbench>;
export type Step = (name: string, fn: () => Promise<void>, timeout?: number) => void;
export declare function stepper(suite: BrowserSuite, page: () => Page | undefined): Step;
export declare function quickInput(page: Page): Locator;
export declare function openFile(page: Page, name: string): Promise<void>;
