#!/usr/bin/env node
// Runs Ruff's WebAssembly build (npm @astral-sh/ruff-wasm-nodejs) over a folder tree with only
// the rules S502, S503 and S504 selected, one file at a time on one thread, and writes one JSON
// line per finding. Ruff has no file discovery in its WebAssembly API, so this script walks the
// tree itself in sorted order, without following symbolic links.
//
// Usage: node ruff_wasm_scan.mjs [--ext .py[,.pyi]] [--out FILE] PATH...
// The summary (files, bytes, findings, syntax errors, elapsed ms) goes to stdout as one JSON
// object; findings go to --out (default: none are written).

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

const SELECTED_CODES = ["S502", "S503", "S504"];

function parseArguments(argv) {
  const options = { extensions: [".py"], out: null, roots: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--ext") {
      options.extensions = requireValue(argv, ++i, argument).split(",");
    } else if (argument === "--out") {
      options.out = requireValue(argv, ++i, argument);
    } else if (argument.startsWith("--")) {
      throw new Error(`Unknown option ${argument}; expected --ext or --out`);
    } else {
      options.roots.push(resolve(argument));
    }
  }
  if (options.roots.length === 0) {
    throw new Error("Missing PATH: name at least one folder or file to scan");
  }
  return options;
}

function requireValue(argv, index, option) {
  if (index >= argv.length) {
    throw new Error(`Missing value after ${option}`);
  }
  return argv[index];
}

function* walk(path, extensions) {
  const entries = readdirSync(path, { withFileTypes: true });
  // A stable order makes runs comparable file by file.
  entries.sort((a, b) => {
    if (a.name === b.name) {
      return 0;
    }
    return a.name < b.name ? -1 : 1;
  });
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      yield* walk(child, extensions);
    } else if (entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension))) {
      yield child;
    }
  }
}

function* listFiles(roots, extensions) {
  for (const root of roots) {
    if (readdirSafe(root)) {
      yield* walk(root, extensions);
    } else {
      yield root;
    }
  }
}

function readdirSafe(path) {
  try {
    readdirSync(path);
    return true;
  } catch (error) {
    if (error.code === "ENOTDIR") {
      return false;
    }
    throw error;
  }
}

function scan(options) {
  const workspace = new Workspace(
    { lint: { select: SELECTED_CODES } },
    PositionEncoding.Utf16,
  );
  // Invalid UTF-8 is replaced by U+FFFD rather than rejected, so every file gets checked. The
  // summary counts such files.
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const strictDecoder = new TextDecoder("utf-8", { fatal: true });
  const summary = { files: 0, bytes: 0, findings: 0, syntaxErrors: 0, invalidUtf8Files: 0 };
  const lines = [];
  const started = process.hrtime.bigint();

  for (const path of listFiles(options.roots, options.extensions)) {
    const bytes = readFileSync(path);
    summary.files++;
    summary.bytes += bytes.length;
    let text;
    try {
      text = strictDecoder.decode(bytes);
    } catch {
      summary.invalidUtf8Files++;
      text = decoder.decode(bytes);
    }
    for (const diagnostic of workspace.check(text)) {
      if (!SELECTED_CODES.includes(diagnostic.code)) {
        summary.syntaxErrors++;
        continue;
      }
      summary.findings++;
      lines.push(
        JSON.stringify({
          path,
          line: diagnostic.start_location.row,
          column: diagnostic.start_location.column,
          endLine: diagnostic.end_location.row,
          endColumn: diagnostic.end_location.column,
          code: diagnostic.code,
          message: diagnostic.message,
        }),
      );
    }
  }

  summary.elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  summary.ruffVersion = Workspace.version();
  if (options.out !== null) {
    writeFileSync(options.out, lines.length === 0 ? "" : lines.join("\n") + "\n");
  }
  return summary;
}

try {
  const summary = scan(parseArguments(process.argv.slice(2)));
  process.stdout.write(JSON.stringify(summary) + "\n");
} catch (error) {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(2);
}
