#!/usr/bin/env python3
"""Evaluates every PromQL expression of the Grafana dashboard and of the alert rules (as loaded by the running
Prometheus) through Prometheus' HTTP API. Each must parse and return at least one sample that is a number;
an alert's condition ("expr > threshold") is checked for its expression without the threshold, since a
healthy service fires nothing. Every metric name used must be in the service's scrape. Stdlib only.

Usage: evaluate.py PROMETHEUS_URL SCRAPE_FILE DASHBOARD_JSON"""
import json
import math
import re
import sys
import urllib.parse
import urllib.request

# Grafana's variables, as a user looking at this one service would set them.
VARIABLES = {"$__rate_interval": "2m", "${job}": "ai-voice-bot", "$job": "ai-voice-bot", "${instance}": ".*",
             "$instance": ".*"}
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless",
            "offset", "inf", "nan"}
CONDITION = re.compile(r"^(?P<expr>.*\S)\s*(?:>|<|>=|<=|==|!=)\s*[0-9.eE+-]+\s*$", re.S)


def api(base, path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:  # a bad query answers 400 with a JSON error body
        return json.load(error)


def dashboard_queries(dashboard):
    found = []

    def walk(panels):
        for panel in panels:
            for target in panel.get("targets", []):
                if target.get("expr"):
                    found.append((panel["title"] + " / " + target.get("legendFormat", target["refId"]), target["expr"]))
            walk(panel.get("panels", []))

    walk(dashboard["panels"])
    return found


def substitute(expr):
    for name in sorted(VARIABLES, key=len, reverse=True):
        expr = expr.replace(name, VARIABLES[name])
    return expr


def metric_names(expr):
    """Identifiers that name series: strings, label matchers, grouping lists and functions left out."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    expr = re.sub(r"\{[^}]*\}", "", expr)
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
    names = set()
    for match in re.finditer(r"(?<![\w:.])([a-zA-Z_:][\w:]*)\s*(\()?", expr):
        if match.group(2) is None and match.group(1).lower() not in KEYWORDS:
            names.add(match.group(1))
    return names


def has_data(answer):
    if answer.get("status") != "success":
        return False, answer.get("error", "query failed")
    data = answer["data"]
    if data["resultType"] == "scalar":
        values = [data["result"][1]]
    else:
        values = [sample["value"][1] for sample in data["result"]]
    numbers = [v for v in values if not math.isnan(float(v))]
    if not numbers:
        return False, "no data" if not values else "only NaN"
    return True, "%d series, first %s" % (len(values), numbers[0])


def main(prometheus, scrape_file, dashboard_file):
    scrape = open(scrape_file).read()
    scraped = {line.split("{")[0].split(" ")[0] for line in scrape.splitlines() if line and not line.startswith("#")}
    checks = [("dashboard: " + title, substitute(expr), True) for title, expr in
              dashboard_queries(json.load(open(dashboard_file)))]
    rules = api(prometheus, "/api/v1/rules")["data"]["groups"]
    for group in rules:
        for rule in group["rules"]:
            name = "rule %s" % rule["name"]
            if rule.get("health") != "ok":
                checks.append((name + " (health: %s %s)" % (rule.get("health"), rule.get("lastError", "")), "invalid(", True))
                continue
            condition = CONDITION.match(rule["query"])
            checks.append((name + " condition", rule["query"], False))
            checks.append((name + " expression", condition.group("expr") if condition else rule["query"], True))
    passed = failed = 0
    for title, expr, needs_data in checks:
        answer = api(prometheus, "/api/v1/query", query=expr)
        ok, detail = has_data(answer) if needs_data else (answer.get("status") == "success", answer.get("error", "parses"))
        missing = sorted(n for n in metric_names(expr) if n not in scraped)
        if missing:
            ok, detail = False, "not in the scrape: " + ", ".join(missing)
        passed, failed = passed + ok, failed + (not ok)
        print("%s  %-70s %s" % ("PASS" if ok else "FAIL", title[:70], detail))
        if not ok:
            print("      " + expr)
    # The dashboard's variables must find this service too.
    for label in ("job", "instance"):
        values = api(prometheus, "/api/v1/label/%s/values" % label, **{"match[]": "calls_active"})["data"]
        ok = bool(values)
        passed, failed = passed + ok, failed + (not ok)
        print("%s  %-70s %s" % ("PASS" if ok else "FAIL", "dashboard variable " + label, values))
    print("promql: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
