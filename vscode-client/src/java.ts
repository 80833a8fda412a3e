// Lookup of the Java runtime that runs the tlsguard server. This module does not import `vscode`,
// so the unit tests run it under plain Node.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The oldest Java feature release that runs the server (jtreesitter needs the FFM API). */
export const MIN_JAVA_VERSION = 23;

/** The origin of a candidate Java executable; candidates are tried in this order. */
export type JavaSource = 'tlsguard.java.home' | 'JAVA_HOME' | 'PATH';

/** A Java executable that was found and is recent enough. */
export interface JavaRuntime {
  source: JavaSource;
  javaPath: string;
  version: number;
}

/** A place that was checked and why it could not be used. */
export interface RejectedJava {
  source: JavaSource;
  /** The executable or folder that was checked, or undefined when the source was not set. */
  location: string | undefined;
  reason: string;
}

/** Outcome of {@link findJava}: the runtime to use, if any, and every candidate rejected before it. */
export interface JavaLookup {
  runtime: JavaRuntime | undefined;
  rejected: RejectedJava[];
}

const VERSION_TIMEOUT_MS = 15_000;

function javaExecutableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Returns the first `java` executable on `pathVariable`, or undefined. */
export function findOnPath(
  pathVariable: string | undefined,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const name = javaExecutableName(platform);
  for (const dir of (pathVariable ?? '').split(path.delimiter)) {
    if (dir !== '' && isExecutableFile(path.join(dir, name))) {
      return path.join(dir, name);
    }
  }
  return undefined;
}

/**
 * Parses the feature version from the output of `java -XshowSettings:properties -version`.
 * Java 8 and older write `1.8`, which counts as 8.
 */
export function parseSpecificationVersion(output: string): number | undefined {
  const match = /^\s*java\.specification\.version\s*=\s*(\d+)(?:\.(\d+))?/m.exec(output);
  if (!match) {
    return undefined;
  }
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

/**
 * Runs `javaPath` and returns its feature version (17, 21, 25, ...).
 *
 * @throws Error when the program cannot be run, times out or prints no version
 */
export function readJavaVersion(javaPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      javaPath,
      ['-XshowSettings:properties', '-version'],
      { timeout: VERSION_TIMEOUT_MS, windowsHide: true },
      (error, stdout, stderr) => {
        const version = parseSpecificationVersion(`${stderr}\n${stdout}`);
        if (version !== undefined) {
          resolve(version);
        } else if (error) {
          reject(new Error(`failed to run '${javaPath} -version': ${error.message}`));
        } else {
          reject(new Error(`'${javaPath} -version' printed no java.specification.version`));
        }
      },
    );
  });
}

interface Candidate {
  source: JavaSource;
  /** The folder the user named (setting or JAVA_HOME), for messages. */
  home?: string;
  javaPath: string | undefined;
  missingReason: string;
}

function homeCandidate(source: JavaSource, home: string | undefined, platform: NodeJS.Platform): Candidate {
  if (home === undefined || home.trim() === '') {
    return { source, javaPath: undefined, missingReason: 'not set' };
  }
  const javaPath = path.join(home.trim(), 'bin', javaExecutableName(platform));
  return isExecutableFile(javaPath)
    ? { source, home, javaPath, missingReason: '' }
    : { source, home, javaPath: undefined, missingReason: `no executable ${javaPath}` };
}

/**
 * Finds a Java runtime of at least `minVersion`, trying the `tlsguard.java.home` setting, then
 * `JAVA_HOME`, then `java` on `PATH`. Candidates that are missing or too old are returned in
 * `rejected`, in the order they were tried.
 */
export async function findJava(
  settingHome: string | undefined,
  env: NodeJS.ProcessEnv,
  minVersion: number = MIN_JAVA_VERSION,
  platform: NodeJS.Platform = process.platform,
): Promise<JavaLookup> {
  const onPath = findOnPath(env.PATH, platform);
  const candidates: Candidate[] = [
    homeCandidate('tlsguard.java.home', settingHome, platform),
    homeCandidate('JAVA_HOME', env.JAVA_HOME, platform),
    { source: 'PATH', javaPath: onPath, missingReason: 'no java on PATH' },
  ];
  const rejected: RejectedJava[] = [];
  for (const candidate of candidates) {
    if (candidate.javaPath === undefined) {
      rejected.push({
        source: candidate.source,
        location: candidate.home,
        reason: candidate.missingReason,
      });
      continue;
    }
    let version: number;
    try {
      version = await readJavaVersion(candidate.javaPath);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      rejected.push({ source: candidate.source, location: candidate.javaPath, reason });
      continue;
    }
    if (version >= minVersion) {
      return { runtime: { source: candidate.source, javaPath: candidate.javaPath, version }, rejected };
    }
    rejected.push({
      source: candidate.source,
      location: candidate.javaPath,
      reason: `Java ${version} is too old`,
    });
  }
  return { runtime: undefined, rejected };
}

/** Describes one rejected candidate, such as `JAVA_HOME (/usr/lib/jvm/x/bin/java): Java 17 is too old`. */
export function describeRejected(rejected: RejectedJava): string {
  const where = rejected.location === undefined ? '' : ` (${rejected.location})`;
  return `${rejected.source}${where}: ${rejected.reason}`;
}

/** Builds the single message shown when no usable Java runtime was found. */
export function missingJavaMessage(lookup: JavaLookup, minVersion: number = MIN_JAVA_VERSION): string {
  const checked = lookup.rejected.map(describeRejected).join('; ');
  return (
    `tlsguard needs Java ${minVersion} or newer to run its language server, and none was found ` +
    `(checked ${checked}). Install a Java ${minVersion}+ runtime, for example Eclipse Temurin 25 ` +
    `or your system's openjdk-25-jre package, then set "tlsguard.java.home" to its folder ` +
    `(the one containing bin/java) or set JAVA_HOME, and run "tlsguard: Restart Server".`
  );
}
