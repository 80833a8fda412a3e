// Tests of the server command line that the extension builds.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { JVM_OPTIONS_FILE, SERVER_MAIN_CLASS, serverArguments } from '../launch';

describe('serverArguments', () => {
  const jar = path.join('/ext', 'server', 'tlsguard.jar');

  it('passes the JVM options file when the extension contains it', () => {
    const options = path.join('/ext', 'server', JVM_OPTIONS_FILE);
    const args = serverArguments(jar, (file) => file === options);
    assert.deepEqual(args, [`@${options}`, '-cp', jar, SERVER_MAIN_CLASS]);
  });

  it('starts the server without options when the file is missing', () => {
    assert.deepEqual(serverArguments(jar, () => false), ['-cp', jar, SERVER_MAIN_CLASS]);
  });
});
