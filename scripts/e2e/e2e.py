#!/usr/bin/env python3
"""End-to-end tests of tlsguard in real editors: Neovim, Emacs with Eglot, and VS Code.

Each scenario copies a fixture from testdata/ into a fresh folder, lets a real editor open it
against the real server jar, and compares what the editor stored with the fixture's
`# expect: <kind>` markers. Every marked line needs a diagnostic whose message names that kind,
and whose range covers the insecure constant. No other line may have a diagnostic. Fix-on-save
scenarios compare the saved file with the fixture's `.fixed.py` sibling. Run this script
through scripts/e2e/run.sh, which builds the jar and the .vsix first.

Two kinds of scripts drive the editors:
  * the LSP client harnesses (one per editor, same options and JSON-lines output) for
    diagnostics, an inserted line (didChange) and a quick fix picked from the editor's own
    code-action menu. In VS Code they install the packaged extension, which starts the server.
  * this folder's fix-on-save drivers for Neovim, Eglot and lsp-mode, which load the
    configuration snippets of docs/editors.md verbatim and save the buffer.
The last line printed is `N passed, N failed`.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MARKER = re.compile(r"#\s*expect:\s*([A-Za-z0-9-]+)")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What a diagnostic's range must contain: an insecure constant or protocol name (for getattr the
# range is the string literal). This is what proves the columns are right in UTF-16.
INSECURE_TEXT = re.compile(r"SSLv2|SSLv3|TLSv1(?!_[23])|TLS1_(?:1_)?VERSION|SSL3_VERSION|MINIMUM_SUPPORTED")
KINDS = ("ssl-proto-const", "ssl-min-version", "ssl-max-version", "options-reenable",
         "pyopenssl-method", "pyopenssl-proto-version", "bad-default", "getattr-const", "string-form")
CLIENTS = ("nvim", "emacs", "lsp-mode", "vscode", "snippets")
# Clients driven only by this folder's drivers, which save the file after the diagnostics.
DRIVER_ONLY = ("lsp-mode",)


class CheckFailed(Exception):
    """A scenario's editor output did not match the fixture's expectations."""


# ------------------------------------------------------------------------------- text helpers
def split_lines(text):
    """Splits by the LSP line ends (\\n, \\r\\n, lone \\r), which is what positions count."""
    return LINE_BREAK.split(text)


def expected_kinds(text):
    """Maps each 0-based line with an `# expect:` marker to the kinds it names."""
    expected = {}
    for number, line in enumerate(split_lines(text)):
        kinds = MARKER.findall(line)
        if kinds:
            expected[number] = kinds
    return expected


def column_slice(line, start, end, unit):
    """Returns the text of `line` between two columns counted in `unit` (utf-16 or utf-8)."""
    if unit == "utf-8":
        return line.encode("utf-8")[start:end].decode("utf-8", errors="replace")
    data = line.encode("utf-16-le")
    return data[2 * start:2 * end].decode("utf-16-le", errors="replace")


def column_unit(client):
    """Returns the unit of the columns a client's diagnostics are reported in.

    Neovim 0.7 stores diagnostics with byte columns, converted from the server's UTF-16, and
    keeps no copy of the LSP range, so its columns are UTF-8 bytes. The others keep the range.
    """
    return "utf-8" if client in ("nvim",) else "utf-16"


def names_a_kind(diagnostic):
    """Tells whether a diagnostic names any finding kind in its message, code or data."""
    return any(has_kind(diagnostic, kind) for kind in KINDS)


def has_kind(diagnostic, kind):
    """Tells whether a diagnostic names `kind` in its message, its code or its data."""
    return (kind in (diagnostic.get("message") or "") or diagnostic.get("code") == kind
            or diagnostic.get("kind") == kind)


def insert_lines(text, inserts):
    """Applies the harness's `--insert L:TEXT` edits: TEXT becomes a new line before line L."""
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(eol)
    for spec in inserts:
        number, _, inserted = spec.partition(":")
        lines.insert(int(number) - 1, inserted)
    return eol.join(lines)


# ------------------------------------------------------------------------------- checks
def check_diagnostics(phase, diagnostics, text, expected=None, unit="utf-16"):
    """Compares one phase's stored diagnostics with the markers of `text` (or `expected`)."""
    lines = split_lines(text)
    if expected is None:
        expected = expected_kinds(text)
    problems = []
    by_line = {}
    for diag in diagnostics:
        by_line.setdefault(diag["line"], []).append(diag)
    # A diagnostic names its kind in the message, and some client paths also pass data.kind on.
    # When none does, one problem says so instead of one per line.
    kinds_visible = all(names_a_kind(d) for d in diagnostics)
    if not kinds_visible:
        unnamed = next(d for d in diagnostics if not names_a_kind(d))
        problems.append(f"{phase}: line {unnamed['line'] + 1}: neither the message nor the data names "
                        f"the finding kind: {unnamed.get('message')!r}")
    for number, kinds in sorted(expected.items()):
        found = by_line.get(number, [])
        if not found:
            problems.append(f"{phase}: line {number + 1} has no diagnostic, expected {kinds}")
            continue
        for kind in kinds:
            if kinds_visible and not any(has_kind(d, kind) for d in found):
                messages = [d.get("message") for d in found]
                problems.append(f"{phase}: line {number + 1} has no '{kind}' diagnostic (found {messages})")
    for number, found in sorted(by_line.items()):
        for diag in found:
            kinds = expected.get(number, [])
            if kinds_visible and kinds and not any(has_kind(diag, k) for k in kinds):
                problems.append(f"{phase}: line {number + 1} has a diagnostic of another kind than "
                                f"{kinds}: {diag.get('message')}")
        if number not in expected:
            problems.append(
                f"{phase}: unexpected diagnostic on line {number + 1}: {found[0].get('message')}")
    for diag in diagnostics:
        if diag["line"] != diag["endLine"] or diag["line"] >= len(lines):
            problems.append(f"{phase}: diagnostic spans lines {diag['line'] + 1}-{diag['endLine'] + 1}")
            continue
        covered = column_slice(lines[diag["line"]], diag["character"], diag["endCharacter"], unit)
        if not INSECURE_TEXT.search(covered):
            problems.append(
                f"{phase}: line {diag['line'] + 1} range {diag['character']}-{diag['endCharacter']} "
                f"covers {covered!r}, not an insecure constant")
    return problems


def check_eol(before, after):
    """Checks that the editor kept the file's line-end style (all CRLF or all LF) when it saved."""
    if "\r\n" in before and after.count("\n") != after.count("\r\n"):
        return ["saved file mixes LF into a CRLF file"]
    if "\r\n" not in before and "\r\n" in after:
        return ["saved file gained CRLF line ends"]
    return []


def fixed_line(edited, final):
    """Returns the 0-based number of the one line a quick fix changed."""
    old, new = split_lines(edited), split_lines(final)
    if len(old) != len(new):
        raise CheckFailed(f"quick fix changed the line count from {len(old)} to {len(new)}")
    changed = [n for n, (a, b) in enumerate(zip(old, new)) if a != b]
    if len(changed) != 1:
        raise CheckFailed(f"quick fix changed {len(changed)} lines ({[n + 1 for n in changed]}), expected 1")
    return changed[0]


# ------------------------------------------------------------------------------- running
@dataclass
class Scenario:
    """One test: a fixture, what to do with it, and the clients it runs in."""
    name: str
    fixture: str
    clients: list
    inserts: list = field(default_factory=list)
    fix: bool = False
    fix_on_save: bool = False
    crlf: bool = False
    java_from: str = "setting"


@dataclass
class Context:
    """What every scenario needs: paths of the jar, the .vsix, the JDK and the harnesses."""
    jar: Path
    vsix: Path
    java_home: str
    harness: Path
    fixtures: Path
    work: Path
    artifacts: Path
    timeout: int
    server_command: list


def read_events(stdout):
    events = []
    for line in stdout.splitlines():
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return events


def phase_diagnostics(events, phase):
    """Returns each reported batch of diagnostics of `phase`, in order."""
    batches, current = [], []
    for event in events:
        if event.get("event") == "diagnostic" and event.get("phase") == phase:
            current.append(event)
        elif event.get("event") == "diagnostics" and event.get("phase") == phase:
            batches.append(current)
            current = []
    return batches


def prepare_copy(ctx, scenario, client):
    source = ctx.fixtures / scenario.fixture
    if not source.is_file():
        raise CheckFailed(f"fixture {source} not found")
    folder = ctx.work / client / scenario.name
    folder.mkdir(parents=True)
    text = source.read_bytes().decode("utf-8")
    if scenario.crlf:
        text = "\r\n".join(LINE_BREAK.split(text))
    target = folder / Path(scenario.fixture).name
    # newline="" keeps the line ends exactly; the copy is writable even if the fixture is not.
    with open(target, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    return target, text


def server_command(ctx):
    if ctx.server_command:
        return ctx.server_command
    return [str(Path(ctx.java_home) / "bin" / "java"), "-jar", str(ctx.jar), "lsp"]



def harness_command(ctx, scenario, client, target):
    script = ctx.harness / client / "lsp-check.sh"
    args = [str(script), "--timeout", str(ctx.timeout)]
    for spec in scenario.inserts:
        args += ["--insert", spec]
    if scenario.fix:
        args.append("--fix")
    if client != "vscode":
        return args + server_command(ctx) + ["--", str(target)], None
    env = dict(os.environ)
    keep = ctx.artifacts / f"vscode-{scenario.name}"
    shutil.rmtree(keep, ignore_errors=True)
    args += ["--vsix", str(ctx.vsix), "--keep", str(keep)]
    if scenario.java_from == "setting":
        args += ["--setting", "tlsguard.java.home=" + json.dumps(ctx.java_home)]
    else:
        # The extension must find the runtime through JAVA_HOME; java on PATH stays whatever
        # the machine has, which may be too old.
        env["JAVA_HOME"] = ctx.java_home
    if scenario.fix_on_save:
        args += ["--setting", 'editor.codeActionsOnSave={"source.fixAll.tlsguard": "explicit"}']
    args += ["--screenshot", str(ctx.artifacts / f"vscode-problems-{scenario.name}.png")]
    return args + ["--", str(target)], env


def fix_on_save_command(ctx, client, target, snippet):
    env = {"TLSGUARD_E2E_CONFIG": str(snippet), "TLSGUARD_E2E_FILE": str(target),
           "TLSGUARD_E2E_TIMEOUT": str(ctx.timeout)}
    if client == "nvim":
        driver = HERE / "nvim" / "fix_on_save.lua"
        return ["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", "--cmd", "set shortmess+=F",
                "-c", f"luafile {driver}"], env
    # No -Q: Debian's site-start puts the elpa-* packages (eglot, lsp-mode) on the load-path.
    driver = HERE / "emacs" / ("lsp-mode-fix-on-save.el" if client == "lsp-mode" else "fix-on-save.el")
    return ["emacs", "--batch", "--no-init-file", "-l", str(driver)], env


def run_process(ctx, command, env, cwd, log_name):
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True,
                              timeout=ctx.timeout * 8 + 120)
    except subprocess.TimeoutExpired as error:
        raise CheckFailed(f"{command[0]} did not finish in {error.timeout} s") from error
    (ctx.artifacts / f"{log_name}.stdout").write_text(done.stdout)
    (ctx.artifacts / f"{log_name}.stderr").write_text(done.stderr)
    return done, time.monotonic() - started


def expected_fixed_text(ctx, scenario):
    """Returns the fixture's `.fixed.py` sibling: its text after every safe fix, applied once."""
    fixed = ctx.fixtures / scenario.fixture.replace(".py", ".fixed.py")
    if not fixed.is_file():
        raise CheckFailed(f"fix-on-save scenario needs {fixed}")
    text = fixed.read_bytes().decode("utf-8")
    if scenario.crlf:
        text = "\r\n".join(LINE_BREAK.split(text))
    return insert_lines(text, scenario.inserts)


def check_java_source(ctx, scenario):
    """Checks in the extension's output channel log that it started the JDK the scenario chose."""
    source = "tlsguard.java.home" if scenario.java_from == "setting" else "JAVA_HOME"
    logs = list((ctx.artifacts / f"vscode-{scenario.name}").glob("logs/**/tlsguard.log"))
    if not logs:
        return ["the extension wrote no tlsguard output channel log"]
    text = logs[0].read_text(encoding="utf-8", errors="replace")
    expected = f"from {source}: {Path(ctx.java_home) / 'bin' / 'java'}"
    if expected not in text:
        return [f"the extension did not use Java {expected} (see {logs[0]})"]
    return []


def run_harness_scenario(ctx, scenario, client, target, text):
    command, env = harness_command(ctx, scenario, client, target)
    done, _ = run_process(ctx, command, env, target.parent, f"{client}-{scenario.name}")
    events = read_events(done.stdout)
    result = next((e for e in events if e.get("event") == "result"), {})
    if done.returncode != 0:
        raise CheckFailed(f"harness exit {done.returncode}: {json.dumps(result)[:400]} "
                          f"{done.stderr.strip()[-300:]}")
    problems = check_java_source(ctx, scenario) if client == "vscode" else []
    if scenario.fix_on_save:
        return problems + check_fix_on_save(ctx, scenario, events, text, target)
    unit = column_unit(client)
    initial = phase_diagnostics(events, "initial")
    problems += check_diagnostics("initial", initial[0] if initial else [], text, unit=unit)

    edited = text
    after_edit = phase_diagnostics(events, "after-edit")
    for number, spec in enumerate(scenario.inserts):
        edited = insert_lines(edited, [spec])
        batch = after_edit[number] if number < len(after_edit) else []
        problems += check_diagnostics(f"after-edit {number + 1}", batch, edited, unit=unit)

    with open(target, encoding="utf-8", newline="") as saved:
        final = saved.read()
    if scenario.fix:
        line = fixed_line(edited, final)
        if line not in expected_kinds(edited):
            problems.append(f"quick fix changed line {line + 1}, which has no finding")
        # The fixed line keeps its marker comment, but its finding must be gone.
        remaining = {n: k for n, k in expected_kinds(edited).items() if n != line}
        after_fix = phase_diagnostics(events, "after-fix")
        problems += check_diagnostics("after-fix", after_fix[0] if after_fix else [], final,
                                      remaining, unit)
        if INSECURE_TEXT.search(split_lines(final)[line].split("#")[0]):
            problems.append(f"fixed line {line + 1} still selects an insecure protocol: "
                            f"{split_lines(final)[line]!r}")
    if scenario.inserts or scenario.fix:
        problems += check_eol(text, final)
    return problems


def check_fix_on_save(ctx, scenario, events, text, target):
    """Checks that saving applied exactly the safe fixes of the fixture's `.fixed.py`.

    Fix inputs carry no markers (they would survive into the fixed text), so only the presence
    of diagnostics is checked before the save.
    """
    initial = phase_diagnostics(events, "initial")
    if not initial or not initial[0]:
        return ["initial: no diagnostics before the save"]
    expected = expected_fixed_text(ctx, scenario)
    with open(target, encoding="utf-8", newline="") as saved:
        final = saved.read()
    if final == insert_lines(text, scenario.inserts):
        return ["saving applied no fixes"]
    if final != expected:
        diff = [f"line {n + 1}: saved {a!r}, expected {b!r}"
                for n, (a, b) in enumerate(zip(split_lines(final), split_lines(expected))) if a != b]
        if len(split_lines(final)) != len(split_lines(expected)):
            diff.append(f"{len(split_lines(final))} lines, expected {len(split_lines(expected))}")
        return ["saved file differs from the expected fixed text: " + "; ".join(diff[:4])]
    return []


def run_fix_on_save_scenario(ctx, scenario, client, target, text, snippet):
    command, extra_env = fix_on_save_command(ctx, client, target, snippet)
    env = dict(os.environ, **extra_env)
    env["PATH"] = f"{ROOT / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["TLSGUARD_JAVA_HOME"] = ctx.java_home
    env["TLSGUARD_JAR"] = str(ctx.jar)
    done, _ = run_process(ctx, command, env, target.parent, f"{client}-{scenario.name}")
    events = read_events(done.stdout)
    if done.returncode != 0:
        result = next((e for e in events if e.get("event") == "result"), {})
        raise CheckFailed(f"driver exit {done.returncode}: {json.dumps(result)[:400]} "
                          f"{done.stderr.strip()[-400:]}")
    if not scenario.fix_on_save:
        initial = phase_diagnostics(events, "initial")
        return check_diagnostics("initial", initial[0] if initial else [], text,
                                 unit=column_unit(client))
    return check_fix_on_save(ctx, scenario, events, text, target)


def check_snippets(ctx, snippets):
    """Checks the documented configurations that no installed editor can run end to end.

    Returns (name, problems) pairs. The Neovim 0.8+ snippet must compile, and the Helix snippet
    must be valid TOML that starts `tlsguard lsp` for Python.
    """
    results = []
    missing = [name for name in ("nvim-start.lua", "helix-languages.toml")
               if name not in snippets]
    if missing:
        return [("docs", [f"docs/editors.md has no e2e snippet {name}" for name in missing])]

    compile_lua = (f"lua local ok, err = loadfile({json.dumps(str(snippets['nvim-start.lua']))}) "
                   "if not ok then io.stderr:write(err) vim.cmd('cquit 1') end")
    done, _ = run_process(ctx, ["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n",
                                "-c", compile_lua, "-c", "qall!"], None, ctx.work, "snippet-nvim-start")
    results.append(("nvim-start-compiles",
                    [] if done.returncode == 0 else [f"does not compile: {done.stderr.strip()[-300:]}"]))

    import tomllib
    problems = []
    try:
        helix = tomllib.loads(snippets["helix-languages.toml"].read_text(encoding="utf-8"))
        server = helix["language-server"]["tlsguard"]
        if [server["command"], *server["args"]] != ["tlsguard", "lsp"]:
            problems.append(f"server command is {server['command']} {server['args']}")
        python = [lang for lang in helix["language"] if lang["name"] == "python"]
        if not python or "tlsguard" not in python[0]["language-servers"]:
            problems.append("python does not list the tlsguard language server")
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        problems.append(f"invalid Helix configuration: {error!r}")
    results.append(("helix-config", problems))
    return results


def run_scenario(ctx, scenario, client, snippets):
    target, text = prepare_copy(ctx, scenario, client)
    # Scenarios without an edit run the documented configuration through the drivers, which also
    # report each diagnostic's data.kind. The harnesses pass only code and message on.
    uses_driver = scenario.fix_on_save or client in DRIVER_ONLY or not (scenario.inserts or scenario.fix)
    if client != "vscode" and uses_driver:
        return run_fix_on_save_scenario(ctx, scenario, client, target, text, snippets[client])
    return run_harness_scenario(ctx, scenario, client, target, text)


# ------------------------------------------------------------------------------- main
def load_scenarios(path):
    with open(path, encoding="utf-8") as source:
        return [Scenario(**entry) for entry in json.load(source)]


def extract_snippets(docs, folder):
    """Writes the code blocks of docs/editors.md that follow an `<!-- e2e: NAME -->` line."""
    text = docs.read_text(encoding="utf-8")
    snippets = {}
    for match in re.finditer(r"<!-- e2e: ([\w.-]+) -->\s*```[\w-]*\n(.*?)```", text, re.S):
        path = folder / match.group(1)
        path.write_text(match.group(2), encoding="utf-8")
        snippets[match.group(1)] = path
    return snippets


def report(client, name, problems, seconds, passed, failed):
    """Prints one PASS or FAIL line (and the problems) and returns the updated counts."""
    if problems:
        print(f"FAIL {client} {name} ({seconds:.1f} s)")
        for problem in problems:
            print(f"    {problem}")
        failed += 1
    else:
        print(f"PASS {client} {name} ({seconds:.1f} s)")
        passed += 1
    sys.stdout.flush()
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("clients", nargs="*",
                        help="nvim, emacs, lsp-mode, vscode, snippets (default: all of them)")
    parser.add_argument("--jar", required=True, type=Path)
    parser.add_argument("--vsix", type=Path)
    parser.add_argument("--java-home", required=True)
    parser.add_argument("--harness", required=True, type=Path)
    parser.add_argument("--fixtures", default=ROOT / "testdata", type=Path)
    parser.add_argument("--scenarios", default=HERE / "scenarios.json", type=Path)
    parser.add_argument("--artifacts", default=ROOT / "target" / "e2e", type=Path)
    parser.add_argument("--timeout", default=60, type=int, help="seconds per editor step")
    parser.add_argument("--only", help="run only scenarios whose name contains this text")
    parser.add_argument("--server-command", type=json.loads, default=None,
                        help="JSON array: server command for the nvim and emacs harness runs "
                             "instead of the jar (the vscode client always runs the jar in the .vsix)")
    args = parser.parse_args()

    clients = args.clients or list(CLIENTS)
    unknown = [c for c in clients if c not in CLIENTS]
    if unknown:
        parser.error(f"unknown client {unknown[0]}; expected one of {', '.join(CLIENTS)}")
    if "vscode" in clients and (args.vsix is None or not args.vsix.is_file()):
        parser.error(f"--vsix must name the packaged extension for the vscode client (got {args.vsix})")
    args.artifacts.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tlsguard-e2e-"))
    ctx = Context(args.jar.resolve(), args.vsix.resolve() if args.vsix else Path(), args.java_home,
                  args.harness.resolve(), args.fixtures.resolve(), work, args.artifacts.resolve(),
                  args.timeout, args.server_command)
    snippets = extract_snippets(ROOT / "docs" / "editors.md", work)
    drivers = {"nvim": "nvim-start-client.lua", "emacs": "emacs-eglot.el",
               "lsp-mode": "emacs-lsp-mode.el"}
    missing = [name for name in drivers.values() if name not in snippets]
    if missing:
        parser.error(f"docs/editors.md has no e2e snippet {missing[0]}")
    passed = failed = 0
    timings = {}
    try:
        for client in clients:
            client_started = time.monotonic()
            if client == "snippets":
                for name, problems in check_snippets(ctx, snippets):
                    passed, failed = report("snippets", name, problems, 0.0, passed, failed)
                timings[client] = time.monotonic() - client_started
                continue
            for scenario in load_scenarios(args.scenarios):
                if client not in scenario.clients or (args.only and args.only not in scenario.name):
                    continue
                started = time.monotonic()
                try:
                    problems = run_scenario(ctx, scenario, client,
                                            {name: snippets[file] for name, file in drivers.items()})
                except CheckFailed as error:
                    problems = [str(error)]
                seconds = time.monotonic() - started
                passed, failed = report(client, scenario.name, problems, seconds, passed, failed)
            timings[client] = time.monotonic() - client_started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for client, seconds in timings.items():
        print(f"time {client}: {seconds:.1f} s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
