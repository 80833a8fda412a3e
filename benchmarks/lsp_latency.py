#!/usr/bin/env python3
"""Measure tlsguard's language server from the client side, over stdio like an editor.

Three measurements, each on a server process this script starts and stops itself:

- cold start: from process start to the first textDocument/publishDiagnostics for a small file
  (the initialize round trip included), repeated with a new process each time;
- edit latency: one-character didChange edits on test_ssl.py and on a generated 50,000-line file,
  from writing the notification to reading the publishDiagnostics for that document;
- memory: VmRSS of the server process with 200 open 1,000-line documents, once diagnostics for
  every one of them have arrived, and again after 5 s without requests.

Times include JSON encoding and the pipe in both directions, so they are an upper bound of the
server's own time. Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

import generate_python  # noqa: E402  (a sibling script, found through the path set above)

IDLE_SECONDS = 5
SMALL_FILE = "import ssl\n\nCONTEXT = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"


class ServerError(RuntimeError):
    """The server exited, timed out or sent something this client cannot use."""


class LspServer:
    """A language server process and the JSON-RPC framing on its stdin and stdout."""

    def __init__(self, command: list[str], stderr_path: Path):
        self.started = time.perf_counter()
        self._stderr = open(stderr_path, "ab")
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr
        )
        self.messages: queue.Queue[tuple[float, dict | None]] = queue.Queue()
        self._next_id = 1
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    def _read_loop(self) -> None:
        stream = self.process.stdout
        try:
            while True:
                length = None
                while True:
                    header = stream.readline()
                    if not header:
                        self.messages.put((time.perf_counter(), None))
                        return
                    header = header.strip()
                    if not header:
                        break
                    name, _, value = header.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    raise ServerError("Message without a Content-Length header")
                body = stream.read(length)
                self.messages.put((time.perf_counter(), json.loads(body)))
        except (OSError, ValueError) as error:
            print(f"warning: reading the server output failed: {error}", file=sys.stderr)
            self.messages.put((time.perf_counter(), None))

    def send(self, message: dict) -> float:
        body = json.dumps(message, separators=(",", ":")).encode("utf-8")
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return sent

    def request(self, method: str, params: object, timeout: float) -> dict:
        request_id = self._next_id
        self._next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        _, message = self.wait_for(
            lambda m: m.get("id") == request_id and "method" not in m, timeout
        )
        if "error" in message:
            raise ServerError(f"{method} failed: {message['error']}")
        return message.get("result")

    def notify(self, method: str, params: object) -> float:
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, matches, timeout: float) -> tuple[float, dict]:
        """Return the first message that ``matches`` accepts; server requests get a reply."""
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ServerError(f"Timed out after {timeout:.0f} s waiting for a server message")
            try:
                received, message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise ServerError(f"Server exited with status {self.process.poll()}")
            if "method" in message and "id" in message:
                self._answer(message)
                continue
            if matches(message):
                return received, message

    def _answer(self, message: dict) -> None:
        # Requests a server may send to its client; an empty result is valid for each of them.
        if message["method"] == "workspace/configuration":
            result = [None] * len(message.get("params", {}).get("items", []))
        else:
            result = None
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise ServerError(f"VmRSS missing from /proc/{self.process.pid}/status")

    def cpu_ms(self) -> float:
        """Return the user + system CPU time of the server process so far, all threads."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        # After the command name, utime and stime are the 12th and 13th fields, in clock ticks.
        ticks = int(fields[11]) + int(fields[12])
        return ticks * 1000 / os.sysconf("SC_CLK_TCK")

    def shutdown(self, timeout: float = 10) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None, timeout)
                self.notify("exit", None)
                self.process.wait(timeout=timeout)
        except (ServerError, OSError, subprocess.TimeoutExpired) as error:
            print(f"warning: clean shutdown failed ({error}); killing pid {self.process.pid}",
                  file=sys.stderr)
            self.process.kill()
            self.process.wait()
        finally:
            self._stderr.close()


def initialize(server: LspServer, root: Path, timeout: float) -> dict:
    capabilities = {
        "textDocument": {
            "synchronization": {"didSave": True},
            "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
        },
        "general": {"positionEncodings": ["utf-16"]},
    }
    result = server.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "capabilities": capabilities,
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
        },
        timeout,
    )
    server.notify("initialized", {})
    return result


def sync_kind(initialize_result: dict) -> int:
    sync = initialize_result.get("capabilities", {}).get("textDocumentSync", 0)
    if isinstance(sync, dict):
        return sync.get("change", 0)
    return sync


def open_document(server: LspServer, uri: str, text: str) -> float:
    return server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}},
    )


def is_diagnostics_for(uri: str, version: int | None = None):
    """Match publishDiagnostics for ``uri``; when the server sends a version, it must match."""

    def matches(message: dict) -> bool:
        if message.get("method") != "textDocument/publishDiagnostics":
            return False
        params = message["params"]
        if params["uri"] != uri:
            return False
        return version is None or params.get("version") in (None, version)

    return matches


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure_cold_start(command: list[str], work: Path, runs: int, timeout: float) -> dict:
    # The workspace folder holds only the small file, so that nothing else is there to scan.
    work = work / "cold"
    work.mkdir(parents=True, exist_ok=True)
    path = work / "small.py"
    path.write_text(SMALL_FILE)
    times = []
    cpu_times = []
    for _ in range(runs):
        server = LspServer(command, work.parent / "cold-stderr.log")
        try:
            initialize(server, work, timeout)
            open_document(server, path.as_uri(), SMALL_FILE)
            received, message = server.wait_for(is_diagnostics_for(path.as_uri()), timeout)
            times.append((received - server.started) * 1000)
            cpu_times.append(server.cpu_ms())
            if not message["params"]["diagnostics"]:
                raise ServerError(f"No diagnostic for the insecure line of {path}")
        finally:
            server.shutdown()
    # CPU time counts every thread of the server, the JIT compiler and GC threads included.
    return {"wall": summarize(times), "serverCpu": summarize(cpu_times)}


def edit_position(text: str) -> tuple[int, int, int]:
    """Return the char index, line and UTF-16 column just past the first name before ' = '
    in the second half of ``text``: appending a letter there keeps the file valid Python."""
    index = text.find(" = ", len(text) // 2)
    while index > 0 and not (text[index - 1].isalpha() or text[index - 1] == "_"):
        index = text.find(" = ", index + 1)
    if index < 0:
        raise ValueError("Input has no assignment to a name in its second half")
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return index, line, column


def measure_edits(
    server: LspServer, incremental: bool, path: Path, text: str, edits: int, timeout: float
) -> dict:
    uri = path.as_uri()
    open_document(server, uri, text)
    server.wait_for(is_diagnostics_for(uri), timeout)
    index, line, column = edit_position(text)
    times = []
    for version in range(2, edits + 2):
        # Each edit types one more letter at the end of the name, as a user does, so every
        # version has a new text and no server-side cache of earlier results can serve it.
        typed = version - 2
        if incremental:
            position = {"line": line, "character": column + typed}
            change = {"range": {"start": position, "end": position}, "text": "x"}
        else:
            change = {"text": text[:index] + "x" * (typed + 1) + text[index:]}
        sent = server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        received, _ = server.wait_for(is_diagnostics_for(uri, version), timeout)
        times.append((received - sent) * 1000)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    # The first edits run while the JIT compiles the edit path; report the warm ones apart.
    warm = times[len(times) // 5 :]
    return {"all": summarize(times), "warm": summarize(warm), "line": line + 1}


def measure_memory(
    command: list[str], work: Path, documents: int, lines: int, timeout: float
) -> dict:
    # The documents exist only in the editor: nothing is written to the workspace folder.
    work = work / "memory"
    work.mkdir(parents=True, exist_ok=True)
    server = LspServer(command, work.parent / "memory-stderr.log")
    try:
        initialize(server, work, timeout)
        base_rss = server.rss_kib()
        template = generate_python.generate(lines)
        uris = []
        for number in range(documents):
            path = work / f"module_{number:03d}.py"
            # Distinct texts, so that no server-side cache can share them.
            text = template.replace("class Session", f"class M{number}Session")
            uris.append(path.as_uri())
            open_document(server, path.as_uri(), text)
        pending = set(uris)
        deadline = time.perf_counter() + timeout
        while pending:
            _, message = server.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics",
                max(1.0, deadline - time.perf_counter()),
            )
            pending.discard(message["params"]["uri"])
        rss = server.rss_kib()
        # A second reading after the server was idle for a while: released native memory goes
        # back to the operating system at the JVM's next native heap trim.
        time.sleep(IDLE_SECONDS)
        idle_rss = server.rss_kib()
        return {
            "documents": documents,
            "linesPerDocument": template.count("\n"),
            "rssAfterInitializeMiB": round(base_rss / 1024, 1),
            "rssWithDocumentsMiB": round(rss / 1024, 1),
            f"rssAfter{IDLE_SECONDS}sIdleMiB": round(idle_rss / 1024, 1),
            "serverCpuMs": server.cpu_ms(),
        }
    finally:
        server.shutdown()


def server_analysis_times(log: Path, edits: int) -> dict:
    """Read the server's debug timings of the edited versions (version 2 on):

    - 'Published N diagnostics for URI version V N us after reading its change': the server-side
      time of an edit, from reading the didChange notification to writing publishDiagnostics;
    - 'Analysed URI version V in N us': the rule on the re-parsed tree;
    - 'Applied N changes to URI version V: text and tree edits N us, incremental parse N us';
    - the rule's 'Reused N findings of the previous version' or 'Analysing in full: REASON' line
      just before each 'Analysed' line, counted as fast-path hits per file. Edits are sent one at
      a time, so the rule's line belongs to the next 'Analysed' line of the log.

    The JSON-RPC round trip over the pipes is not in these numbers."""
    patterns = {
        "serverSide": re.compile(
            r"Published \d+ diagnostics for (\S+) version (\d+) (\d+) us after reading its change"
        ),
        "rule": re.compile(r"Analysed (\S+) version (\d+) in (\d+) us"),
        "textAndTreeEdits": re.compile(
            r"Applied \d+ changes? to (\S+) version (\d+): text and tree edits (\d+) us"
        ),
        "incrementalParse": re.compile(
            r"Applied \d+ changes? to (\S+) version (\d+):.* incremental parse (\d+) us"
        ),
    }
    reused_pattern = re.compile(r"Reused \d+ findings of the previous version")
    full_pattern = re.compile(r"Analysing in full: (.*?) \(findings reused")
    analysed_pattern = patterns["rule"]
    times: dict[str, dict[str, list[float]]] = {}
    fast_path: dict[str, dict[str, object]] = {}
    outcome = None
    for line in log.read_text(errors="replace").splitlines():
        if reused_pattern.search(line):
            outcome = "reused"
        elif match := full_pattern.search(line):
            outcome = match.group(1)
        for part, pattern in patterns.items():
            match = pattern.search(line)
            if match and int(match.group(2)) >= 2:
                name = match.group(1).rsplit("/", 1)[-1]
                values = times.setdefault(name, {}).setdefault(part, [])
                values.append(int(match.group(3)) / 1000)
        match = analysed_pattern.search(line)
        if match:
            if int(match.group(2)) >= 2:
                name = match.group(1).rsplit("/", 1)[-1]
                counts = fast_path.setdefault(name, {"edits": 0, "reused": 0, "fullReasons": {}})
                counts["edits"] += 1
                if outcome == "reused":
                    counts["reused"] += 1
                else:
                    reason = outcome or "no earlier analysis to reuse"
                    counts["fullReasons"][reason] = counts["fullReasons"].get(reason, 0) + 1
            outcome = None
    result = {
        name: {part: summarize(values[len(values) // 5 :]) for part, values in parts.items()}
        for name, parts in times.items()
    }
    for name, counts in fast_path.items():
        result.setdefault(name, {})["fastPath"] = counts
    return result


def summarize(times: list[float]) -> dict:
    return {
        "count": len(times),
        "medianMs": round(statistics.median(times), 2),
        "p90Ms": round(percentile(times, 0.9), 2),
        "minMs": round(min(times), 2),
        "maxMs": round(max(times), 2),
    }


def find_java() -> str:
    home = subprocess.run(
        [str(REPO_ROOT / "scripts" / "find-jdk.sh")], capture_output=True, text=True, check=True
    ).stdout.strip()
    return str(Path(home) / "bin" / "java")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--jar",
        type=Path,
        default=REPO_ROOT / "server" / "target" / "tlsguard.jar",
        help="tlsguard jar (default server/target/tlsguard.jar)",
    )
    parser.add_argument("--java", help="java launcher (default: what scripts/find-jdk.sh finds)")
    parser.add_argument(
        "--java-options",
        default="",
        help="JVM options placed before -jar, space-separated; write --java-options=-X... so"
        " that an option starting with - is taken as the value",
    )
    parser.add_argument(
        "--no-aot-cache",
        action="store_true",
        help="start the server without the AOT cache next to the jar (tlsguard.aot)",
    )
    parser.add_argument(
        "--no-jvm-arguments",
        action="store_true",
        help="start the server without the JVM options of server/aot/lsp-jvm.args",
    )
    parser.add_argument("--cold-runs", type=int, default=10, help="cold starts (default 10)")
    parser.add_argument("--edits", type=int, default=100, help="edits per file (default 100)")
    parser.add_argument("--documents", type=int, default=200, help="open documents (default 200)")
    parser.add_argument(
        "--document-lines", type=int, default=1000, help="lines per open document (default 1000)"
    )
    parser.add_argument(
        "--timeout", type=float, default=60, help="seconds to wait for one reply (default 60)"
    )
    parser.add_argument(
        "--only",
        default="cold,edit,memory",
        help="comma-separated parts to run: cold, edit, memory (default all)",
    )
    parser.add_argument(
        "--server-log-level",
        default="info",
        help="server log level; debug adds the server's own analysis times to the report",
    )
    parser.add_argument(
        "--output", type=Path, help="JSON report file (default benchmarks/results/lsp.json)"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    options = parse_arguments(argv)
    if not options.jar.is_file():
        raise SystemExit(f"error: tlsguard jar not found: {options.jar}; run scripts/build.sh")
    java = options.java or find_java()
    cache = options.jar.parent / "tlsguard.aot"
    # bin/tlsguard starts the server with the AOT cache that the build leaves next to the jar.
    cache_options = []
    if cache.is_file() and not options.no_aot_cache:
        cache_options = [f"-XX:AOTCache={cache}", "-Xlog:aot=off,cds=off"]
    # The language server's JVM options, as bin/tlsguard passes them for `lsp`.
    jvm_arguments = REPO_ROOT / "server" / "aot" / "lsp-jvm.args"
    if jvm_arguments.is_file() and not options.no_jvm_arguments:
        cache_options.append(f"@{jvm_arguments}")
    # bin/tlsguard starts `lsp` from the server's own entry point, without the command-line parser.
    command = [java, *cache_options, *options.java_options.split(), "-cp", str(options.jar)]
    command += ["dev.tlsguard.protocol.LspCommand", "--stdio"]
    command += ["--log-level", options.server_log_level]
    parts = {part.strip() for part in options.only.split(",") if part.strip()}
    work = BENCH_DIR / "results" / "raw" / "lsp-work"
    work.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {
        "command": command,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "loadAtStart": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }

    if "cold" in parts:
        report["coldStart"] = measure_cold_start(command, work, options.cold_runs, options.timeout)
        print(f"cold start: {report['coldStart']}", file=sys.stderr)
    if "edit" in parts:
        stdlib = Path(sysconfig.get_paths()["stdlib"])
        (work / "edit").mkdir(exist_ok=True)
        generated = work / "edit" / "generated_50k.py"
        generated.write_text(generate_python.generate(50_000))
        edit_log = work / "edit-stderr.log"
        edit_log.unlink(missing_ok=True)
        server = LspServer(command, edit_log)
        try:
            result = initialize(server, work / "edit", options.timeout)
            incremental = sync_kind(result) == 2
            report["incrementalSync"] = incremental
            edits = {}
            for path in (stdlib / "test" / "test_ssl.py", generated):
                text = path.read_text(encoding="utf-8")
                edits[path.name] = measure_edits(
                    server, incremental, path, text, options.edits, options.timeout
                )
                print(f"edits on {path.name}: {edits[path.name]}", file=sys.stderr)
            report["edits"] = edits
        finally:
            server.shutdown()
        if options.server_log_level in ("debug", "trace"):
            report["serverAnalysisTimes"] = server_analysis_times(edit_log, options.edits)
    if "memory" in parts:
        report["memory"] = measure_memory(
            command, work, options.documents, options.document_lines, options.timeout
        )
        print(f"memory: {report['memory']}", file=sys.stderr)

    report["loadAtEnd"] = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    output = options.output or BENCH_DIR / "results" / "lsp.json"
    output.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
