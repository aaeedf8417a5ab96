#!/usr/bin/env python3
"""Precision and recall of a full duplicate scan against the generated population's ground truth.

Usage (after `KEEP=1 PHASES="load scan" bench/registration-speed.sh N`, which keeps the database and prints
the work folder holding ids.csv):

    java -cp target/classes org.pana.population.GeneratePopulation --size N --seed 42 --out /tmp/p.jsonl --truth /tmp/truth.csv
    runuser -u postgres -- psql -d pana_bench -Atc "SELECT person_a, person_b, reasons FROM matching_scan_pair" > /tmp/pairs.txt
    bench/speed/scan-quality.py WORK/ids.csv /tmp/truth.csv /tmp/pairs.txt

A pair is true when both records share the ground truth's identity; a false pair is counted as "relatives"
when they share a family (household), else "unrelated". Prints the reason codes of the commonest false pairs.
"""
import collections
import csv
import sys


def main(ids_file, truth_file, pairs_file):
    ids = {}
    for line in open(ids_file, encoding="utf-8"):
        index, person_id, _ = line.strip().split(",")
        ids[person_id] = int(index)
    truth = {}
    for row in csv.reader(line for line in open(truth_file, encoding="utf-8") if not line.startswith("#")):
        if row[0] != "index":
            truth[int(row[0])] = (row[1], row[2])
    loaded = set(ids.values())
    by_identity = collections.defaultdict(list)
    for index, (identity, _) in truth.items():
        if index in loaded:
            by_identity[identity].append(index)
    true_pairs = set()
    for members in by_identity.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                true_pairs.add((min(members[i], members[j]), max(members[i], members[j])))
    found, kinds, false_reasons = set(), collections.Counter(), collections.Counter()
    for line in open(pairs_file, encoding="utf-8"):
        a, b, reasons = line.rstrip("\n").split("|")
        if a not in ids or b not in ids:
            kinds["not generated (demo people)"] += 1
            continue
        pair = tuple(sorted((ids[a], ids[b])))
        found.add(pair)
        if pair in true_pairs:
            kinds["true"] += 1
        elif truth[pair[0]][1] == truth[pair[1]][1]:
            kinds["relatives"] += 1
        else:
            kinds["unrelated"] += 1
            false_reasons[reasons] += 1
    hits = len(found & true_pairs)
    print(f"true pairs {len(true_pairs)}, pairs found {len(found)}, true found {hits}: "
          f"precision {hits / max(1, len(found)):.3f}, recall {hits / max(1, len(true_pairs)):.3f}")
    print("found:", dict(kinds))
    for reasons, count in false_reasons.most_common(8):
        print(f"  {count:6d} false pairs with {reasons}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
