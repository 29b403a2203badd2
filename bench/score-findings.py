#!/usr/bin/env python3
"""How `tollgate lint --format json` findings meet the problems make-corpus planted.

The generator's truth file has a `doc` record per article with the problems
planted in it (`planted`: source_disagreement, revised_down,
part_exceeds_total) and the event it reports (`event`, `location`, `onset`).
For each planted kind, the rule that should find it: how many planted
documents a finding of that rule involves, and how many documents it
involves that have no such planting. Every article of the batch is its own
event, so a finding that pairs claims of two articles pairs two events:
those are counted per rule too.
usage: score-findings.py TRUTH.jsonl FINDINGS.json
"""
import collections
import json
import sys

RULE_OF = {
    "source_disagreement": "disagreement",
    "revised_down": "decrease",
    "part_exceeds_total": "exceeds-total",
}

truth_path, findings_path = sys.argv[1], sys.argv[2]
planted = collections.defaultdict(set)  # kind -> documents
with open(truth_path) as f:
    for line in f:
        record = json.loads(line)
        if record.get("kind") == "doc":
            for kind in record.get("planted", []):
                planted[kind].add(record["doc"])

with open(findings_path) as f:
    findings = json.load(f)["findings"]


def documents_of(finding):
    return {claim["path"].rsplit("#", 1)[-1] for claim in finding.get("involves", [])}


print("findings per rule: " + ", ".join(
    f"{rule} {n}" for rule, n in sorted(collections.Counter(f["rule"] for f in findings).items())))
for kind, rule in RULE_OF.items():
    flagged = set()
    for finding in findings:
        if finding["rule"] == rule:
            flagged |= documents_of(finding)
    hit = planted[kind] & flagged
    print(f"  {kind:20s} planted in {len(planted[kind]):5d} articles; {rule} involves {len(hit):5d} "
          f"of them and {len(flagged - planted[kind]):5d} others")
two_events = collections.Counter(f["rule"] for f in findings if len(documents_of(f)) > 1)
print("findings pairing two articles (two events): " +
      (", ".join(f"{rule} {n}" for rule, n in sorted(two_events.items())) or "none"))
