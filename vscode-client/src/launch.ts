// The command line that starts the tlsguard language server from the extension's server folder.
import * as path from 'node:path';

/** The class that starts the language server without the jar's command-line parser. */
export const SERVER_MAIN_CLASS = 'dev.tlsguard.protocol.LspCommand';

/** The JVM options file that the build copies next to the jar (server/aot/lsp-jvm.args). */
export const JVM_OPTIONS_FILE = 'lsp-jvm.args';

/**
 * Returns the arguments of `java` that start the server. The JVM options file comes first when it
 * exists (a heap cap, serial GC and native heap trimming keep the server small). Then come the jar
 * on the class path and the server's own entry point. That entry point starts faster than `-jar
 * tlsguard.jar lsp`, because it skips the command-line parser.
 */
export function serverArguments(
  serverJar: string,
  exists: (file: string) => boolean,
): string[] {
  const options = path.join(path.dirname(serverJar), JVM_OPTIONS_FILE);
  const jvmOptions = exists(options) ? [`@${options}`] : [];
  return [...jvmOptions, '-cp', serverJar, SERVER_MAIN_CLASS];
}
