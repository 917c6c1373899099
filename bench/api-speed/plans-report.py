"""Reads a PostgreSQL server log holding auto_explain plans (written by `plans`) on stdin and prints, per list
endpoint, each distinct statement's last plan (the warm one) with a verdict, then a summary table.

Verdict of a plan: "index" unless a node reads more than LARGE rows of a table sequentially (Seq Scan), a Sort node
sorts more than LARGE rows, or any scan reads more than LARGE rows (returned + removed by its filter, over all its
loops: a scan that walks most of an index to find its page, or a per-row probe repeated for every document).
LARGE = 1 000 rows. Statements of other connections (the API's background workers) are listed apart: the request's
connection is the one that ran the session check (FROM users ... user_sessions)."""
import re
import sys

LARGE = 1000
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[(\d+)\] (\w+):\s+(.*)$")
NODE = re.compile(r"^(\s*)(?:->\s+)?(.+?)\s+\(cost=.*\(actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)\)")


def entries(lines):
    current = None
    for line in lines:
        match = ENTRY.match(line)
        if match:
            if current:
                yield current
            current = [match[1], match[3]] if match[2] == "LOG" and match[3].startswith("duration:") else None
        elif current is not None and line.startswith("\t"):
            current.append(line[1:].rstrip("\n"))
    if current:
        yield current


def verdict(plan_lines):
    nodes = []
    for line in plan_lines:
        match = NODE.match(line)
        if match:
            label = match[2]
            table = re.search(r" on (\S+)", label)
            kind = re.split(r" on | using ", label)[0]
            nodes.append({"indent": len(match[1]), "kind": kind, "table": table[1] if table else None,
                          "rows": int(match[3]) * int(match[4]), "loops": int(match[4]), "removed": 0})
        elif nodes and (removed := re.search(r"Rows Removed by (?:Filter|Index Recheck|Join Filter): (\d+)", line)):
            nodes[-1]["removed"] += int(removed[1]) * nodes[-1]["loops"]
    problems = []
    for i, node in enumerate(nodes):
        read = node["rows"] + node["removed"]
        if "Scan" in node["kind"] and "Bitmap Index" not in node["kind"] and read > LARGE:
            problems.append(f"{node['kind']} on {node['table']} reads {read} rows")
        if node["kind"] in ("Sort", "Incremental Sort"):
            child = next((n for n in nodes[i + 1:] if n["indent"] > node["indent"]), None)
            if child and child["rows"] > LARGE:
                problems.append(f"{node['kind']} of {child['rows']} rows")
    return "; ".join(dict.fromkeys(problems)) or "index"


def main():
    endpoints, name = {}, None
    for entry in entries(sys.stdin):
        text = "\n".join(entry)
        marker = re.search(r"plans-marker ([\w-]+)", text)
        if marker:
            name = None if marker[1] == "end" else marker[1]
            if name:
                endpoints[name] = {}
            continue
        if name is None:
            continue
        pid, entry = entry[0], entry[1:]
        duration = float(re.search(r"duration: ([\d.]+) ms", entry[0])[1])
        query_start = next(i for i, line in enumerate(entry) if line.startswith("Query Text:"))
        plan_start = next(i for i, line in enumerate(entry) if i > query_start and re.match(r"^\S.*\(cost=|^\S.*\(actual", line))
        query = " ".join(line.strip() for line in entry[query_start:plan_start]).removeprefix("Query Text: ")
        endpoints[name][query] = (pid, duration, entry[plan_start:])
    summary = []
    for name, statements in endpoints.items():
        print(f"=== list:{name}")
        worst, total = "index", 0.0
        request_pids = {pid for query, (pid, _, _) in statements.items() if "FROM users AS u" in query and "user_sessions" in query}
        background = [(query, duration) for query, (pid, duration, _) in statements.items() if pid not in request_pids]
        for query, (pid, duration, plan) in statements.items():
            if pid not in request_pids:
                continue
            judged = verdict(plan)
            total += duration
            if judged != "index":
                worst = judged if worst == "index" else f"{worst}; {judged}"
            print(f"--- {duration:.2f} ms, {judged}\n{query}")
            print("\n".join("    " + line for line in plan))
        for query, duration in background:
            print(f"--- background (another connection), {duration:.2f} ms: {query[:160]}")
        summary.append((name, len(statements) - len(background), total, worst))
    print("\nplans summary (warm statements of one request; total = sum of their execution times):")
    for name, count, total, worst in summary:
        print(f"  {name:24s} {count:2d} statements  {total:8.2f} ms  {worst}")


main()
