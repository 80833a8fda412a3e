// Tests of the Java lookup against fake `java` executables: shell scripts that print what a real
// JDK prints for `-XshowSettings:properties -version`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  findJava,
  findOnPath,
  missingJavaMessage,
  parseSpecificationVersion,
  readJavaVersion,
} from '../java';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsguard-java-test-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Creates `<scratch>/<name>/bin/java` that reports `specVersion`, and returns the home folder. */
function fakeJdk(name: string, specVersion: string): string {
  const home = path.join(scratch, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const script =
    '#!/bin/sh\n' +
    `echo "Property settings:" >&2\n` +
    `echo "    java.specification.version = ${specVersion}" >&2\n` +
    `echo "openjdk version \\"${specVersion}\\"" >&2\n`;
  fs.writeFileSync(path.join(home, 'bin', 'java'), script, { mode: 0o755 });
  return home;
}

const jdk25 = fakeJdk('jdk25', '25');
const jdk23 = fakeJdk('jdk23', '23');
const jdk17 = fakeJdk('jdk17', '17');
const jdk8 = fakeJdk('jdk8', '1.8');
const notJava = path.join(scratch, 'empty');
fs.mkdirSync(notJava);

describe('parseSpecificationVersion', () => {
  it('reads a modern feature version', () => {
    assert.equal(parseSpecificationVersion('    java.specification.version = 25\n'), 25);
  });
  it('reads the 1.x form as its minor number', () => {
    assert.equal(parseSpecificationVersion('java.specification.version = 1.8'), 8);
  });
  it('returns undefined without the property', () => {
    assert.equal(parseSpecificationVersion('openjdk version "25"'), undefined);
  });
});

describe('readJavaVersion', () => {
  it('runs the executable', async () => {
    assert.equal(await readJavaVersion(path.join(jdk17, 'bin', 'java')), 17);
  });
  it('rejects a missing executable', async () => {
    await assert.rejects(readJavaVersion(path.join(notJava, 'bin', 'java')), /failed to run/);
  });
});

describe('findJava', () => {
  it('prefers the setting over JAVA_HOME and PATH', async () => {
    const env = { JAVA_HOME: jdk23, PATH: path.join(jdk25, 'bin') };
    const lookup = await findJava(jdk25, env, 23, 'linux');
    assert.equal(lookup.runtime?.source, 'tlsguard.java.home');
    assert.equal(lookup.runtime?.javaPath, path.join(jdk25, 'bin', 'java'));
    assert.equal(lookup.runtime?.version, 25);
  });

  it('uses JAVA_HOME when the setting is empty', async () => {
    const env = { JAVA_HOME: jdk23, PATH: path.join(jdk25, 'bin') };
    const lookup = await findJava('', env, 23, 'linux');
    assert.equal(lookup.runtime?.source, 'JAVA_HOME');
    assert.equal(lookup.runtime?.version, 23);
    assert.deepEqual(lookup.rejected.map((r) => r.source), ['tlsguard.java.home']);
  });

  it('uses java on PATH last', async () => {
    const env = { PATH: [notJava, path.join(jdk25, 'bin')].join(path.delimiter) };
    const lookup = await findJava(undefined, env, 23, 'linux');
    assert.equal(lookup.runtime?.source, 'PATH');
    assert.equal(lookup.runtime?.javaPath, path.join(jdk25, 'bin', 'java'));
  });

  it('skips a setting that is too old and says why', async () => {
    const env = { JAVA_HOME: jdk25, PATH: '' };
    const lookup = await findJava(jdk17, env, 23, 'linux');
    assert.equal(lookup.runtime?.source, 'JAVA_HOME');
    assert.equal(lookup.rejected.length, 1);
    assert.match(lookup.rejected[0].reason, /Java 17 is too old/);
  });

  it('skips a setting without bin/java', async () => {
    const lookup = await findJava(notJava, { JAVA_HOME: jdk25 }, 23, 'linux');
    assert.equal(lookup.runtime?.source, 'JAVA_HOME');
    assert.match(lookup.rejected[0].reason, /no executable .*bin\/java/);
  });

  it('finds nothing when every candidate is too old', async () => {
    const env = { JAVA_HOME: jdk8, PATH: path.join(jdk17, 'bin') };
    const lookup = await findJava(jdk17, env, 23, 'linux');
    assert.equal(lookup.runtime, undefined);
    assert.deepEqual(
      lookup.rejected.map((r) => r.reason),
      ['Java 17 is too old', 'Java 8 is too old', 'Java 17 is too old'],
    );
  });
});

describe('missingJavaMessage', () => {
  it('names every place checked and what to do', async () => {
    const lookup = await findJava('', { JAVA_HOME: jdk17 }, 23, 'linux');
    const message = missingJavaMessage(lookup, 23);
    assert.match(message, /needs Java 23 or newer/);
    assert.match(message, /tlsguard\.java\.home: not set/);
    assert.match(message, /JAVA_HOME \(.*jdk17\/bin\/java\): Java 17 is too old/);
    assert.match(message, /PATH: no java on PATH/);
    assert.match(message, /set "tlsguard\.java\.home"/);
  });
});

describe('findOnPath', () => {
  it('ignores folders without java', () => {
    assert.equal(findOnPath([notJava, ''].join(path.delimiter), 'linux'), undefined);
  });
});
