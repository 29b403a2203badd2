#!/usr/bin/env python3
"""Recall of `tollgate extract` output against make-corpus --truth.

A planted claim is found when an extracted claim of the same document covers
its figure (num_offset). Prints recall overall and per template, and with
--misses N the first N misses with their sentence.
usage: score-recall.py TRUTH.jsonl CLAIMS.jsonl [--corpus CORPUS.jsonl] [--misses N]
"""
import argparse, collections, json, sys

ap = argparse.ArgumentParser()
ap.add_argument("truth"); ap.add_argument("claims")
ap.add_argument("--corpus"); ap.add_argument("--misses", type=int, default=0)
a = ap.parse_args()

spans = collections.defaultdict(list)
with open(a.claims) as f:
    for line in f:
        c = json.loads(line)
        spans[c["doc"]].append((c["offset"], c["offset"] + c["length"], c))

total = found = 0
by_template = collections.Counter(); found_by_template = collections.Counter()
field_ok = collections.Counter(); field_n = collections.Counter()
misses = []
with open(a.truth) as f:
    for line in f:
        t = json.loads(line)
        if t.get("kind") != "claim" or t.get("field") != "text":
            continue
        total += 1
        by_template[t["template"]] += 1
        # Of the claims covering the figure, the one starting nearest before it.
        covering = [(b, c) for b, e, c in spans[t["doc"]] if b <= t["num_offset"] < e]
        hit = max(covering, key=lambda x: x[0])[1] if covering else None
        if hit is None:
            misses.append(t); continue
        found += 1
        found_by_template[t["template"]] += 1
        # cumulative too: decrease, stale, disagreement and jump read only
        # running totals, so a figure for one incident taken for one brings
        # false findings.
        for k in ("metric", "group", "qualifier", "lo", "hi", "as_of", "cumulative"):
            field_n[k] += 1
            field_ok[k] += hit[k] == t[k]
        # The generator's increments ("72 more people died") are no running total.
        if t.get("role") == "increment":
            field_n["increments not cumulative"] += 1
            field_ok["increments not cumulative"] += not hit["cumulative"]

print(f"recall {found}/{total} = {found / max(total, 1):.4f}")
for k in field_n:
    print(f"  {k} accuracy {field_ok[k] / field_n[k]:.4f}")
for tpl, n in sorted(by_template.items(), key=lambda x: found_by_template[x[0]] / x[1]):
    print(f"  {tpl:28s} {found_by_template[tpl]:6d}/{n:<6d} {found_by_template[tpl] / n:.3f}")
if a.misses and a.corpus:
    want = collections.defaultdict(list)
    for m in misses[: a.misses]:
        want[m["doc"]].append(m)
    with open(a.corpus) as f:
        for line in f:
            d = json.loads(line)
            for m in want.get(d["id"], []):
                text = d["text"].encode()
                s = text[m["sentence_offset"]: m["sentence_offset"] + m["sentence_length"]].decode()
                print(f"MISS {m['template']} {m['text']!r} {m['metric']}/{m['group']}: {s}")
