#!/usr/bin/env python3
"""Time tlsguard check, Ruff-WASM, Bandit and grep on one corpus and compare their findings.

run.sh installs the tools and then runs this script; see docs/benchmarks.md for the commands
and the latest table. Only the Python standard library is used, so the script runs on the
interpreter whose library tree is the corpus.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
RAW_DIR = RESULTS_DIR / "raw"

# Goals for the ratios, as wall-time factors measured side by side in one run.
GOAL_RUFF_FACTOR = 4.0
GOAL_BANDIT_FACTOR = 100.0
GOAL_GREP_FACTOR = 3.0

# Codes of the anchors that report the same weakness as tlsguard's rule. S504 and B504 report a
# wrap_socket() call without a protocol argument. Such a call is not an insecure selection on
# Python 3.10+, where the default floor is TLS 1.2, so those codes are counted apart.
IN_RULE_CODES = {"S502", "S503", "B502", "B503"}
OUT_OF_RULE_CODES = {"S504", "B504"}

TIME_FORMAT = "%e %U %S %M %x"


@dataclasses.dataclass
class Measurement:
    """One timed run of one tool."""

    wall_s: float
    user_s: float
    sys_s: float
    max_rss_kb: int
    exit_code: int

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s


@dataclasses.dataclass
class Tool:
    """A tool under test: how to run it and which exit codes mean success."""

    name: str
    command: list[str]
    stdout_path: Path
    ok_exit_codes: tuple[int, ...]
    runs: int
    measurements: list[Measurement] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class Finding:
    """A finding normalized for comparison: path relative to the corpus, 1-based lines."""

    tool: str
    path: str
    line: int
    end_line: int
    code: str
    message: str

    @property
    def in_rule(self) -> bool:
        return self.code not in OUT_OF_RULE_CODES


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="use the standard library's test/ folder instead of the whole library tree",
    )
    parser.add_argument("--corpus", type=Path, help="folder to scan (default: see --quick)")
    parser.add_argument(
        "--runs", type=int, default=3, help="timed runs of tlsguard, Ruff and grep (default 3)"
    )
    parser.add_argument(
        "--bandit-runs", type=int, default=1, help="timed runs of Bandit (default 1; 0 skips it)"
    )
    parser.add_argument(
        "--tools",
        default="tlsguard,ruff,bandit,grep",
        help="comma-separated tools to run (default tlsguard,ruff,bandit,grep)",
    )
    parser.add_argument(
        "--jar",
        type=Path,
        default=REPO_ROOT / "server" / "target" / "tlsguard.jar",
        help="tlsguard jar (default server/target/tlsguard.jar)",
    )
    parser.add_argument(
        "--java",
        default=None,
        help="java launcher (default: the JDK that scripts/find-jdk.sh finds)",
    )
    parser.add_argument(
        "--tlsguard-args",
        default="",
        help="extra arguments for tlsguard check, as one shell-quoted string",
    )
    parser.add_argument(
        "--label", default=None, help="name of the result files (default: quick or full)"
    )
    options = parser.parse_args(argv)
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.bandit_runs < 0:
        parser.error("--bandit-runs must not be negative")
    return options


def default_corpus(quick: bool) -> Path:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    return stdlib / "test" if quick else stdlib


def find_java(explicit: str | None) -> str:
    if explicit:
        return explicit
    result = subprocess.run(
        [str(REPO_ROOT / "scripts" / "find-jdk.sh")], capture_output=True, text=True, check=True
    )
    return str(Path(result.stdout.strip()) / "bin" / "java")


def check_jvm_options(jar: Path) -> list[str]:
    """Return the JVM options that bin/tlsguard adds for `check`: the checker's AOT cache when the
    build left one by the jar, and the argfile server/aot/check-jvm.args."""
    options = []
    for name in ("tlsguard-check.aot", "tlsguard.aot"):
        cache = jar.parent / name
        if cache.is_file():
            options += [f"-XX:AOTCache={cache}", "-Xlog:aot=off,cds=off"]
            break
    arguments = REPO_ROOT / "server" / "aot" / "check-jvm.args"
    if arguments.is_file():
        options.append(f"@{arguments}")
    return options


def build_tools(options: argparse.Namespace, corpus: Path, java: str) -> list[Tool]:
    wanted = [name.strip() for name in options.tools.split(",") if name.strip()]
    known = {"tlsguard", "ruff", "bandit", "grep"}
    unknown = sorted(set(wanted) - known)
    if unknown:
        raise SystemExit(f"error: unknown tool {', '.join(unknown)}; expected {sorted(known)}")
    label = options.label
    tools = []
    if "tlsguard" in wanted:
        command = [java, *check_jvm_options(options.jar), "-jar", str(options.jar), "check"]
        command += ["--format", "json"]
        command += shlex.split(options.tlsguard_args) + [str(corpus)]
        # Exit status 1 means findings, which the corpus has.
        tools.append(
            Tool("tlsguard", command, RAW_DIR / f"{label}-tlsguard.json", (0, 1, 2), options.runs)
        )
    if "ruff" in wanted:
        out = RAW_DIR / f"{label}-ruff.jsonl"
        command = ["node", str(BENCH_DIR / "ruff_wasm_scan.mjs"), "--out", str(out), str(corpus)]
        tools.append(
            Tool("ruff", command, RAW_DIR / f"{label}-ruff-summary.json", (0,), options.runs)
        )
    if "bandit" in wanted and options.bandit_runs > 0:
        out = RAW_DIR / f"{label}-bandit.json"
        command = ["bandit", "-q", "-r", str(corpus), "-t", "B502,B503,B504", "-f", "json"]
        command += ["-o", str(out)]
        # Bandit exits 1 when it reports an issue.
        tools.append(
            Tool("bandit", command, RAW_DIR / f"{label}-bandit.log", (0, 1), options.bandit_runs)
        )
    if "grep" in wanted:
        command = ["grep", "-rli", "--include=*.py", "ssl", str(corpus)]
        tools.append(Tool("grep", command, RAW_DIR / f"{label}-grep.txt", (0, 1), options.runs))
    return tools


def measure(tool: Tool) -> Measurement:
    """Run the tool once under GNU time and return its wall, CPU and peak RSS."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as time_file:
        time_path = Path(time_file.name)
    try:
        with open(tool.stdout_path, "wb") as stdout, open(
            tool.stdout_path.with_suffix(tool.stdout_path.suffix + ".stderr"), "wb"
        ) as stderr:
            subprocess.run(
                ["/usr/bin/time", "-f", TIME_FORMAT, "-o", str(time_path), *tool.command],
                stdout=stdout,
                stderr=stderr,
                check=False,
            )
        fields = time_path.read_text().split()[-5:]
    finally:
        time_path.unlink(missing_ok=True)
    measurement = Measurement(
        float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3]), int(fields[4])
    )
    if measurement.exit_code not in tool.ok_exit_codes:
        stderr_path = tool.stdout_path.with_suffix(tool.stdout_path.suffix + ".stderr")
        tail = stderr_path.read_text(errors="replace")[-2000:]
        raise SystemExit(
            f"error: {tool.name} exited with {measurement.exit_code}: "
            f"{shlex.join(tool.command)}\n{tail}"
        )
    return measurement


def run_all(tools: list[Tool]) -> None:
    """Run the tools in rounds, so that a load change on the machine hits every tool alike."""
    rounds = max(tool.runs for tool in tools)
    for round_index in range(rounds):
        for tool in tools:
            if round_index >= tool.runs:
                continue
            print(
                f"[{now()}] {tool.name} run {round_index + 1}/{tool.runs} (load {load()})",
                file=sys.stderr,
                flush=True,
            )
            measurement = measure(tool)
            tool.measurements.append(measurement)
            print(
                f"  wall {measurement.wall_s:.2f} s, cpu {measurement.cpu_s:.2f} s, "
                f"max RSS {measurement.max_rss_kb / 1024:.0f} MiB",
                file=sys.stderr,
                flush=True,
            )


def warm_page_cache(corpus: Path) -> None:
    """Read every corpus file once, so that each timed run reads from the page cache."""
    subprocess.run(
        ["grep", "-rlic", "--include=*.py", "ssl", str(corpus)],
        stdout=subprocess.DEVNULL,
        check=False,
    )


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M:%S")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def relative(path: str, corpus: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(corpus.resolve()))
    except ValueError:
        return path


def read_tlsguard_findings(path: Path, corpus: Path) -> list[Finding]:
    data = json.loads(path.read_text() or "[]")
    if isinstance(data, dict):
        data = data.get("findings", [])
    findings = []
    for item in data:
        line = int(item["line"])
        findings.append(
            Finding(
                "tlsguard",
                relative(item["path"], corpus),
                line,
                int(item.get("endLine", line)),
                item.get("kind", "?"),
                item.get("message", ""),
            )
        )
    return findings


def read_ruff_findings(path: Path, corpus: Path) -> list[Finding]:
    findings = []
    for text in path.read_text().splitlines():
        item = json.loads(text)
        findings.append(
            Finding(
                "ruff",
                relative(item["path"], corpus),
                item["line"],
                item["endLine"],
                item["code"],
                item["message"],
            )
        )
    return findings


def read_bandit_findings(path: Path, corpus: Path) -> tuple[list[Finding], list[str]]:
    data = json.loads(path.read_text())
    findings = []
    for item in data["results"]:
        line = item["line_number"]
        lines = item.get("line_range") or [line]
        if item["test_id"] == "B503":
            # B503's range is the whole function, which would swallow every other finding in
            # the body, so only the signature counts: from the def line to the line ending ':'.
            lines = [line, signature_end(Path(item["filename"]), line)]
        findings.append(
            Finding(
                "bandit",
                relative(item["filename"], corpus),
                min(lines),
                max(lines),
                item["test_id"],
                item["issue_text"],
            )
        )
    errors = [relative(error["filename"], corpus) for error in data.get("errors", [])]
    return findings, errors


def signature_end(path: Path, def_line: int) -> int:
    """Return the line that ends the def statement starting at ``def_line`` (an estimate: the
    first line from there whose code, before any '#', ends with ':')."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return def_line
    for number in range(def_line, min(len(lines), def_line + 50) + 1):
        code = lines[number - 1].split("#", 1)[0].rstrip()
        if code.endswith(":"):
            return number
    return def_line


@dataclasses.dataclass
class Cluster:
    """Findings of several tools in one file whose line ranges overlap."""

    path: str
    start: int
    end: int
    findings: list[Finding]

    def tools(self) -> set[str]:
        return {finding.tool for finding in self.findings}

    def count(self, tool: str) -> int:
        return sum(1 for finding in self.findings if finding.tool == tool)


def cluster_findings(findings: list[Finding]) -> list[Cluster]:
    """Group in-rule findings per file by overlapping line ranges."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    clusters = []
    for path in sorted(by_path):
        ordered = sorted(by_path[path], key=lambda f: (f.line, f.end_line, f.tool))
        current: Cluster | None = None
        for finding in ordered:
            if current is not None and finding.line <= current.end:
                current.findings.append(finding)
                current.end = max(current.end, finding.end_line)
            else:
                current = Cluster(path, finding.line, finding.end_line, [finding])
                clusters.append(current)
    return clusters


def source_line(corpus: Path, path: str, line: int) -> str:
    try:
        with open(corpus / path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    return text.strip()[:140]
    except OSError as error:
        return f"<unreadable: {error}>"
    return ""


def explain(cluster: Cluster, tools: list[str], text: str) -> str:
    """Guess why the tools disagree, from the source line and the codes; a reviewer confirms."""
    flagged = cluster.tools()
    codes = {finding.code for finding in cluster.findings}
    if "tlsguard" not in flagged and ("SSLv23" in text):
        return "version-flexible SSLv23 constant: negotiates, selects no old version"
    if "tlsguard" in flagged and flagged == {"tlsguard"}:
        kinds = sorted(codes)
        return f"only tlsguard ({', '.join(kinds)}): a form the anchors do not check"
    if "tlsguard" not in flagged:
        return "anchors only: check the binding of the name and the use site"
    missing = [tool for tool in tools if tool not in flagged]
    return f"not flagged by {', '.join(missing)}"


def compare(
    tools: list[str], findings: list[Finding], corpus: Path, out: Path
) -> dict[str, object]:
    in_rule = [finding for finding in findings if finding.in_rule]
    clusters = cluster_findings(in_rule)
    agreement: dict[str, int] = {}
    lines = [
        "# In-rule findings on which the tools disagree: S502/S503 (Ruff), B502/B503 (Bandit),",
        "# every tlsguard finding. S504/B504 (wrap_socket without a protocol) are left out.",
        f"# Corpus: {corpus}",
        f"# Columns: path:line, tools that flag it (count), tools that do not, source line, guess",
        "",
    ]
    count_mismatches = 0
    for cluster in clusters:
        flagged = sorted(cluster.tools())
        key = "+".join(flagged)
        agreement[key] = agreement.get(key, 0) + 1
        counts = {tool: cluster.count(tool) for tool in flagged}
        same_count = len(set(counts.values())) == 1
        if len(flagged) == len(tools) and same_count:
            continue
        if len(flagged) == len(tools):
            count_mismatches += 1
        text = source_line(corpus, cluster.path, cluster.start)
        flagged_text = ", ".join(f"{tool}({count})" for tool, count in counts.items())
        missing = ", ".join(tool for tool in tools if tool not in flagged) or "-"
        codes = ",".join(sorted({finding.code for finding in cluster.findings}))
        lines.append(
            f"{cluster.path}:{cluster.start}\t{flagged_text}\tnot: {missing}\t[{codes}]\t"
            f"{text}\t# {explain(cluster, tools, text)}"
        )
    out.write_text("\n".join(lines) + "\n")
    return {
        "clusters": len(clusters),
        "byToolSet": dict(sorted(agreement.items())),
        "allAgreeButCountDiffers": count_mismatches,
        "disagreementFile": str(out.relative_to(REPO_ROOT)),
    }


EXPECT_MARKER = re.compile(r"#\s*expect:\s*([a-z-]+)")


def read_expectations(corpus: Path) -> dict[str, set[int]]:
    """Return the lines marked '# expect: KIND' per file, for corpora annotated that way."""
    marked: dict[str, set[int]] = {}
    for path in sorted(corpus.rglob("*.py")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        numbers = {number for number, text in enumerate(lines, 1) if EXPECT_MARKER.search(text)}
        if numbers:
            marked[str(path.relative_to(corpus))] = numbers
    return marked


def score_against_expectations(
    tools: list[str], findings: list[Finding], marked: dict[str, set[int]]
) -> dict[str, dict[str, object]]:
    """Count, per tool, marked lines it reports, marked lines it misses and unmarked reports.

    A marked line counts as found when an in-rule finding's line range covers it, because the
    anchors report a multi-line call on its first line and tlsguard on the value's line."""
    scores = {}
    for tool in tools:
        own = [f for f in findings if f.tool == tool and f.in_rule]
        found = set()
        extra = []
        for finding in own:
            covered = {
                line
                for line in marked.get(finding.path, set())
                if finding.line <= line <= finding.end_line
            }
            if covered:
                found |= {(finding.path, line) for line in covered}
            else:
                extra.append(f"{finding.path}:{finding.line} {finding.code}")
        expected = {(path, line) for path, lines in marked.items() for line in lines}
        missed = sorted(f"{path}:{line}" for path, line in expected - found)
        scores[tool] = {
            "expected": len(expected),
            "found": len(found),
            "missed": len(missed),
            "unmarked": len(extra),
            "missedLines": missed,
            "unmarkedFindings": sorted(extra),
        }
    return scores


def summarize_findings(
    tools: list[Tool], corpus: Path, label: str
) -> tuple[dict[str, object], list[Finding]]:
    summary: dict[str, object] = {}
    findings: list[Finding] = []
    names = {tool.name for tool in tools}
    if "tlsguard" in names:
        tlsguard = read_tlsguard_findings(RAW_DIR / f"{label}-tlsguard.json", corpus)
        findings += tlsguard
        summary["tlsguard"] = per_code(tlsguard)
    if "ruff" in names:
        ruff = read_ruff_findings(RAW_DIR / f"{label}-ruff.jsonl", corpus)
        findings += ruff
        summary["ruff"] = per_code(ruff)
        summary["ruffScan"] = json.loads(
            (RAW_DIR / f"{label}-ruff-summary.json").read_text().strip()
        )
    if "bandit" in names:
        bandit, errors = read_bandit_findings(RAW_DIR / f"{label}-bandit.json", corpus)
        findings += bandit
        summary["bandit"] = per_code(bandit)
        summary["banditErrors"] = len(errors)
    if "grep" in names:
        matched = (RAW_DIR / f"{label}-grep.txt").read_text().splitlines()
        summary["grepFilesWithSsl"] = len(matched)
    return summary, findings


def per_code(findings: list[Finding]) -> dict[str, object]:
    codes: dict[str, int] = {}
    for finding in findings:
        codes[finding.code] = codes.get(finding.code, 0) + 1
    in_rule = [finding for finding in findings if finding.in_rule]
    return {
        "total": len(findings),
        "inRule": len(in_rule),
        "inRuleFiles": len({finding.path for finding in in_rule}),
        "byCode": dict(sorted(codes.items())),
    }


def corpus_size(corpus: Path) -> dict[str, int]:
    files = 0
    size = 0
    for directory, _, names in os.walk(corpus):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                if os.path.isfile(path) and not os.path.islink(path):
                    files += 1
                    size += os.path.getsize(path)
    return {"pyFiles": files, "pyBytes": size}


def machine_info() -> dict[str, object]:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kb = int(line.split()[1])
    return {
        "nproc": os.cpu_count(),
        "cpuModel": model,
        "memoryGiB": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "loadAtStart": load(),
    }


def tool_versions(java: str, jar: Path) -> dict[str, str]:
    def first_line(command: list[str]) -> str:
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            return f"unavailable: {error}"
        text = (result.stdout + result.stderr).strip()
        return text.splitlines()[0] if text else "unknown"

    return {
        "java": first_line([java, "-version"]),
        "tlsguard": first_line([java, "-jar", str(jar), "--version"]),
        "node": first_line(["node", "--version"]),
        "bandit": first_line(["bandit", "--version"]),
        "grep": first_line(["grep", "--version"]),
        "python": sys.version.split()[0],
    }


def median(values: list[float]) -> float:
    return statistics.median(values)


def timing_table(tools: list[Tool]) -> dict[str, dict[str, object]]:
    table = {}
    for tool in tools:
        walls = [m.wall_s for m in tool.measurements]
        table[tool.name] = {
            "runs": len(walls),
            "wallMedianS": median(walls),
            "wallS": walls,
            "cpuMedianS": median([m.cpu_s for m in tool.measurements]),
            "maxRssMedianMiB": round(median([m.max_rss_kb for m in tool.measurements]) / 1024, 1),
            "command": shlex.join(tool.command),
        }
    return table


def ratios(table: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    if "tlsguard" not in table:
        return {}
    tlsguard = table["tlsguard"]["wallMedianS"]
    result = {}
    for name, goal, kind in (
        ("ruff", GOAL_RUFF_FACTOR, "speedup"),
        ("bandit", GOAL_BANDIT_FACTOR, "speedup"),
        ("grep", GOAL_GREP_FACTOR, "slowdown"),
    ):
        if name not in table:
            continue
        other = table[name]["wallMedianS"]
        if min(other, tlsguard) <= 0:
            # GNU time reports wall time in steps of 10 ms; a zero cannot be divided by.
            result[name] = {"factor": None, "goal": goal, "met": None,
                            "text": f"{name}: below the 10 ms resolution of GNU time"}
            continue
        if kind == "speedup":
            factor = other / tlsguard
            met = factor >= goal
            text = f"{name} / tlsguard = {factor:.2f} (goal >= {goal:g})"
        else:
            factor = tlsguard / other
            met = factor <= goal
            text = f"tlsguard / {name} = {factor:.2f} (goal <= {goal:g})"
        result[name] = {"factor": round(factor, 2), "goal": goal, "met": met, "text": text}
    return result


def render_markdown(report: dict[str, object]) -> str:
    table = report["timings"]
    lines = [
        f"Corpus: {report['corpus']} ({report['corpusSize']['pyFiles']} .py files, "
        f"{report['corpusSize']['pyBytes'] / 1e6:.1f} MB)",
        "",
        "| Tool | Runs | Wall median (s) | CPU median (s) | Peak RSS (MiB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in table.items():
        lines.append(
            f"| {name} | {row['runs']} | {row['wallMedianS']:.2f} | {row['cpuMedianS']:.2f} | "
            f"{row['maxRssMedianMiB']:.0f} |"
        )
    lines.append("")
    for name, ratio in report["ratios"].items():
        verdict = {True: "met", False: "NOT met", None: "not measurable"}[ratio["met"]]
        lines.append(f"- {ratio['text']}: {verdict}")
    lines.append("")
    findings = report["findings"]
    for name in ("tlsguard", "ruff", "bandit"):
        if name in findings:
            row = findings[name]
            lines.append(
                f"- {name}: {row['total']} findings ({row['byCode']}), {row['inRule']} in the "
                f"rule's scope in {row['inRuleFiles']} files"
            )
    if "grepFilesWithSsl" in findings:
        lines.append(f"- grep: {findings['grepFilesWithSsl']} files contain 'ssl' in any case")
    if "comparison" in report:
        comparison = report["comparison"]
        lines.append(
            f"- in-rule finding clusters by tool set: {comparison['byToolSet']}; "
            f"all flag but counts differ: {comparison['allAgreeButCountDiffers']}; "
            f"list: {comparison['disagreementFile']}"
        )
    for name, score in report.get("expectations", {}).items():
        lines.append(
            f"- {name} against the '# expect:' markers: {score['found']} of {score['expected']} "
            f"marked lines found, {score['missed']} missed, {score['unmarked']} findings on "
            f"unmarked lines"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    options = parse_arguments(argv)
    corpus = (options.corpus or default_corpus(options.quick)).resolve()
    if not corpus.is_dir():
        raise SystemExit(f"error: corpus folder not found: {corpus}")
    options.label = options.label or ("quick" if options.quick else "full")
    RAW_DIR.mkdir(parents=True, exist_ok=True)
    java = find_java(options.java)
    tools = build_tools(options, corpus, java)
    if "tlsguard" in {tool.name for tool in tools} and not options.jar.is_file():
        raise SystemExit(f"error: tlsguard jar not found: {options.jar}; run scripts/build.sh")

    report: dict[str, object] = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "versions": tool_versions(java, options.jar),
        "corpus": str(corpus),
        "corpusSize": corpus_size(corpus),
    }
    warm_page_cache(corpus)
    run_all(tools)
    report["machine"]["loadAtEnd"] = load()
    report["timings"] = timing_table(tools)
    report["ratios"] = ratios(report["timings"])
    summary, findings = summarize_findings(tools, corpus, options.label)
    report["findings"] = summary
    compared = [tool.name for tool in tools if tool.name in ("tlsguard", "ruff", "bandit")]
    if len(compared) >= 2:
        out = RESULTS_DIR / f"{options.label}-disagreements.tsv"
        report["comparison"] = compare(compared, findings, corpus, out)
        marked = read_expectations(corpus)
        if marked:
            report["expectations"] = score_against_expectations(compared, findings, marked)

    (RESULTS_DIR / f"{options.label}-report.json").write_text(json.dumps(report, indent=2) + "\n")
    markdown = render_markdown(report)
    (RESULTS_DIR / f"{options.label}-table.md").write_text(markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
