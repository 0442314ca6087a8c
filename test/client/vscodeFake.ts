// A stand-in for the `vscode` module, enough to drive the job commands in Node: dialogs answer from a script
// the test gives, output lines are collected. The AWS side is not faked: the commands talk to the emulator.
import { fileURLToPath } from 'node:url';
import Module from 'node:module';
import * as path from 'node:path';
import { readFileSync, statSync } from 'node:fs';

export type Dialog = { kind: 'info' | 'warning' | 'error' | 'quickPick' | 'inputBox'; message: string; detail?: string; modal?: boolean; choices: string[]; descriptions?: (string | undefined)[]; itemDetails?: (string | undefined)[]; refused?: string; password?: boolean };

/** `settings` are user settings; `workspaceSettings` (optional) override them as .vscode/settings.json does. */
export function installVscodeFake(settings: Record<string, unknown>, workspaceSettings: Record<string, unknown> = {}) {
  const dialogs: Dialog[] = [];
  const output: string[] = [];
  const opened: string[] = [];
  const providers = new Map<string, { provideTextDocumentContent(uri: unknown): string }>();
  const commands = new Map<string, (...args: any[]) => any>();
  const executed: unknown[][] = [];
  /** What diagnostic collections hold, by URI; and the document change and close listeners. */
  const diagnostics = new Map<string, unknown[]>();
  const changeListeners: ((e: unknown) => void)[] = [];
  const closeListeners: ((d: unknown) => void)[] = [];
  const cancels: (() => void)[] = [];
  // An answer may be a promise: a notification nobody has answered yet.
  type Answer = string | undefined | Promise<string | undefined>;
  let answer: (d: Dialog) => Answer = () => undefined;
  const statusBar = { text: '', tooltip: '', name: '', command: '', visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
  const statusMessages: string[] = [];

  const message = (kind: Dialog['kind']) => async (text: string, ...rest: any[]) => {
    const options = rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0]) ? rest.shift() : {};
    const d = { kind, message: text, detail: options.detail, modal: options.modal, choices: rest as string[] };
    dialogs.push(d);
    return answer(d);
  };
  const log = (level: string) => (line: string) => void output.push(`${level} ${line}`);

  const vscode = {
    workspace: {
      isTrusted: true,
      getConfiguration: () => ({
        get: (key: string) => (key in workspaceSettings ? workspaceSettings[key] : settings[key]),
        inspect: (key: string) => ({ key, globalValue: settings[key], workspaceValue: workspaceSettings[key] }),
      }),
      // Files on disk as they are (a file: URI); others read as nothing.
      fs: { readFile: async (u: { toString(): string }) => (u.toString().startsWith('file:') ? new Uint8Array(readFileSync(new URL(u.toString()))) : new Uint8Array()), stat: async (u: { toString(): string }) => statSync(new URL(u.toString())) },
      // A preview's URI (preview.ts) reads as its provider gives it.
      openTextDocument: async (o: { content?: string; toString(): string }) => {
        const content = o.content ?? providers.get(o.toString().split(':')[0])?.provideTextDocumentContent(o) ?? '';
        opened.push(content);
        return { uri: o.content === undefined ? o : 'untitled:1' };
      },
      registerTextDocumentContentProvider: (scheme: string, provider: { provideTextDocumentContent(uri: unknown): string }) => (providers.set(scheme, provider), { dispose() {} }),
      onDidChangeTextDocument: (listener: (e: unknown) => void) => (changeListeners.push(listener), { dispose() {} }),
      onDidCloseTextDocument: (listener: (d: unknown) => void) => (closeListeners.push(listener), { dispose() {} }),
    },
    languages: {
      createDiagnosticCollection: (name: string) => {
        const collection = {
          name,
          has: (uri: { toString(): string }) => diagnostics.has(uri.toString()),
          get: (uri: { toString(): string }) => diagnostics.get(uri.toString()),
          set: (uri: { toString(): string }, list: unknown[]) => void diagnostics.set(uri.toString(), list),
          delete: (uri: { toString(): string }) => void diagnostics.delete(uri.toString()),
          dispose() {},
        };
        return collection;
      },
    },
    Diagnostic: class {
      source?: string;
      code?: string;
      constructor(readonly range: unknown, readonly message: string, readonly severity: number) {}
    },
    Range: class {
      readonly start: { line: number; character: number };
      readonly end: { line: number; character: number };
      constructor(sl: number, sc: number, el: number, ec: number) {
        this.start = { line: sl, character: sc };
        this.end = { line: el, character: ec };
      }
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    window: {
      activeTextEditor: undefined,
      createOutputChannel: () => ({ info: log('info'), warn: log('warn'), error: log('error'), show() {}, dispose() {} }),
      createStatusBarItem: () => statusBar,
      setStatusBarMessage: (text: string) => (statusMessages.push(text), { dispose() {} }),
      showInformationMessage: message('info'),
      showWarningMessage: message('warning'),
      showErrorMessage: message('error'),
      // An item is answered by its label, or by "label · description" where labels repeat.
      showQuickPick: async (items: { label: string; description?: string; detail?: string }[], options: { title?: string; placeHolder?: string }) => {
        const d: Dialog = { kind: 'quickPick', message: options?.title ?? '', ...(options?.placeHolder ? { detail: options.placeHolder } : {}), choices: items.map((i) => i.label), descriptions: items.map((i) => i.description), itemDetails: items.map((i) => i.detail) };
        dialogs.push(d);
        const label = await answer(d);
        return items.find((i) => `${i.label} · ${i.description}` === label) ?? items.find((i) => i.label === label);
      },
      showInputBox: async (options: { title?: string; value?: string; prompt?: string; password?: boolean; validateInput?: (v: string) => string | undefined | Promise<string | undefined> }) => {
        const d: Dialog = { kind: 'inputBox', message: options.title ?? '', detail: options.prompt, choices: [options.value ?? ''], ...(options.password ? { password: true } : {}) };
        dialogs.push(d);
        // An answer the box refuses is not accepted (VS Code keeps the box open): recorded, and the box cancelled.
        const given = await answer(d);
        const refused = given === undefined ? undefined : await options.validateInput?.(given);
        if (refused) d.refused = refused;
        return refused ? undefined : given;
      },
      showOpenDialog: async () => undefined,
      showTextDocument: async () => undefined,
      withProgress: (_o: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) =>
        task({ report() {} }, { onCancellationRequested: (cb: () => void) => cancels.push(cb) }),
    },
    commands: {
      registerCommand: (id: string, fn: (...args: any[]) => any) => (commands.set(id, fn), { dispose() {} }),
      executeCommand: async (...args: unknown[]) => void executed.push(args),
    },
    env: { clipboard: { writeText: async () => undefined } },
    Uri: {
      parse: (s: string) => ({ scheme: new URL(s).protocol.slice(0, -1), path: new URL(s).pathname, fsPath: s.startsWith('file:') ? fileURLToPath(s) : '', toString: () => s }),
      from: (c: { scheme: string; path: string }) => ({ scheme: c.scheme, path: c.path, toString: () => `${c.scheme}:${c.path}` }),
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { Notification: 15 },
  };

  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };

  const memento = (state: Map<string, unknown>) => ({ get: (k: string, d?: unknown) => (state.has(k) ? state.get(k) : d), update: async (k: string, v: unknown) => void state.set(k, v), keys: () => [...state.keys()] });
  const state = new Map<string, unknown>();
  const globalState = new Map<string, unknown>();
  const context = {
    subscriptions: [] as { dispose(): void }[],
    workspaceState: memento(state),
    globalState: memento(globalState),
    asAbsolutePath: (p: string) => path.resolve(p),
  };
  return {
    vscode, dialogs, output, opened, commands, executed, cancels, statusBar, statusMessages, context, state, globalState, workspaceSettings, diagnostics,
    /** An edit of the document at `uri`, as VS Code announces it. */
    changeDocument(uri: string) {
      for (const l of changeListeners) l({ document: { uri: { toString: () => uri } }, contentChanges: [{ text: 'x' }] });
    },
    respond(fn: (d: Dialog) => Answer) {
      answer = fn;
    },
    uninstall() {
      M._load = load;
    },
  };
}
