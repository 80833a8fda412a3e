// VS Code client for the tlsguard language server. It starts the server jar shipped inside the
// extension with a Java runtime found on this machine, and forwards the tlsguard.* settings.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  ConfigurationParams,
  ConfigurationRequest,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { describeRejected, findJava, JavaRuntime, missingJavaMessage } from './java';
import { serverArguments } from './launch';

const CLIENT_ID = 'tlsguard';
const CLIENT_NAME = 'tlsguard';
const SERVER_JAR = 'server/tlsguard.jar';

let output: vscode.LogOutputChannel;
let client: LanguageClient | undefined;
let runtime: JavaRuntime | undefined;
let serverJar: string;

/** Starts the language client and registers the commands, on the first Python file. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  serverJar = context.asAbsolutePath(SERVER_JAR);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('tlsguard.restartServer', restartServer),
    vscode.commands.registerCommand('tlsguard.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('tlsguard.showServerVersion', showServerVersion),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('tlsguard.java.home')) {
        output.info('tlsguard.java.home changed; restarting the server');
        void restartServer();
      }
    }),
    { dispose: () => void stopClient() },
  );
  await startClient();
}

/** Stops the server. VS Code waits for the returned promise on shutdown. */
export function deactivate(): Thenable<void> | undefined {
  return stopClient();
}

async function startClient(): Promise<void> {
  if (!fs.existsSync(serverJar)) {
    reportStartFailure(
      `The tlsguard extension contains no server jar at ${serverJar}. ` +
        'Rebuild the extension with vscode-client/build.sh, which copies the jar in.',
    );
    return;
  }
  runtime = await resolveJava();
  if (runtime === undefined) {
    return;
  }
  const args = serverArguments(serverJar, fs.existsSync);
  const serverOptions: ServerOptions = {
    command: runtime.javaPath,
    args,
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    // The server pulls settings with workspace/configuration. This option makes the client also
    // send workspace/didChangeConfiguration when a tlsguard.* setting changes, so edits apply live.
    synchronize: { configurationSection: 'tlsguard' },
    outputChannel: output,
    middleware: { workspace: { configuration: withoutClientSettings } },
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  output.info(`Starting ${runtime.javaPath} ${args.join(' ')} --stdio`);
  try {
    await client.start();
    const info = client.initializeResult?.serverInfo;
    output.info(`Server running: ${info?.name ?? 'tlsguard'} ${info?.version ?? '(no version)'}`);
  } catch (error) {
    reportStartFailure(`The tlsguard server failed to start: ${errorText(error)}`);
  }
}

async function resolveJava(): Promise<JavaRuntime | undefined> {
  const settingHome = vscode.workspace.getConfiguration('tlsguard').get<string>('java.home');
  const lookup = await findJava(settingHome, process.env);
  for (const rejected of lookup.rejected) {
    output.info(`Java candidate skipped: ${describeRejected(rejected)}`);
  }
  if (lookup.runtime === undefined) {
    reportStartFailure(missingJavaMessage(lookup));
    return undefined;
  }
  output.info(
    `Using Java ${lookup.runtime.version} from ${lookup.runtime.source}: ${lookup.runtime.javaPath}`,
  );
  return lookup.runtime;
}

function reportStartFailure(message: string): void {
  output.error(message);
  const openSettings = 'Open Settings';
  const showOutput = 'Show Output';
  void vscode.window.showErrorMessage(message, openSettings, showOutput).then((choice) => {
    if (choice === openSettings) {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'tlsguard.java.home');
    } else if (choice === showOutput) {
      output.show(true);
    }
  });
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined && running.state !== State.Stopped) {
    try {
      await running.stop();
    } catch (error) {
      output.error(`Stopping the server failed: ${errorText(error)}`);
    }
  }
}

async function restartServer(): Promise<void> {
  output.info('Restarting the server');
  await stopClient();
  await startClient();
}

async function showServerVersion(): Promise<void> {
  const info = client?.state === State.Running ? client.initializeResult?.serverInfo : undefined;
  if (info === undefined) {
    await vscode.window.showWarningMessage(
      'The tlsguard server is not running; see "tlsguard: Show Output" for the reason.',
    );
    return;
  }
  const java = runtime === undefined ? '' : ` on Java ${runtime.version} (${runtime.javaPath})`;
  await vscode.window.showInformationMessage(
    `${info.name} ${info.version ?? '(no version)'}${java}`,
  );
}

/**
 * Removes the settings that only the extension reads (java.home, trace.server) from the
 * workspace/configuration replies, so the server does not report them as unknown.
 */
async function withoutClientSettings(
  params: ConfigurationParams,
  token: vscode.CancellationToken,
  next: ConfigurationRequest.HandlerSignature,
): Promise<unknown[] | ResponseError<void>> {
  const result = await next(params, token);
  if (result instanceof ResponseError) {
    return result;
  }
  return result.map((value: unknown, index) => {
    if (params.items[index]?.section !== 'tlsguard' || typeof value !== 'object' || value === null) {
      return value;
    }
    const serverSettings = { ...(value as Record<string, unknown>) };
    delete serverSettings.java;
    delete serverSettings.trace;
    return serverSettings;
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
