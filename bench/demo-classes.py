"""Reads bench/demo-classes.sh's dump (external id, source, kind, class, model per record) and prints the share of
"Unknown" per source and half, which head answered, and the accuracy on held-out records whose source has a label."""
import csv
import re
import sys
from collections import Counter, defaultdict

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]

# labels: Open Repair fault types mapped by the team; the Chinese records' own labels
mapping = {}
for line in open("data/ords-fault-quests/failure-modes.tsv", encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        quest, fault_type, mode = line.rstrip("\n").split("\t")[:3]
        mapping[(quest, fault_type)] = mode
label = {}
for quest in ("dustup", "printcat", "tabicat"):
    with open(f"data/ords-fault-quests/{quest}.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            mode = mapping.get((quest, r["fault_type"]), "-")
            if mode != "-":
                label[r["id"]] = mode
with open("data/zh-plant/labels.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        label[r["externalId"]] = r["label"]


def half(source, external_id):
    if source not in ("openrepair", "zh-plant"):
        return ""
    odd = int(re.search(r"(\d+)$", external_id).group(1)) % 2 == 1
    return " (training half)" if odd else " (held-out half)"


groups = defaultdict(list)
for external_id, source, kind, fault, model in rows:
    groups[source + half(source, external_id)].append((external_id, kind, fault, model))

print(f"{'source':40} {'records':>8} {'Unknown':>8}  heads")
total = unknown = 0
for name in sorted(groups):
    g = groups[name]
    u = sum(1 for r in g if r[2] in ("Unknown", "-"))
    heads = Counter(re.sub(r"@.*", "", r[3]) for r in g)
    total += len(g)
    unknown += u
    print(f"{name:40} {len(g):8d} {100 * u / len(g):7.1f} %  " + ", ".join(f"{h} {n}" for h, n in heads.most_common()))
print(f"{'all':40} {total:8d} {100 * unknown / total:7.1f} %")

print("\naccuracy on held-out records with a label (answered share, accuracy of the answers):")
for name in sorted(groups):
    if "held-out" not in name:
        continue
    for kind_name, kinds in (("failure modes", lambda k: k != "quality_report"), ("defect classes", lambda k: k == "quality_report")):
        g = [r for r in groups[name] if r[0] in label and kinds(r[1])]
        if not g:
            continue
        answered = [r for r in g if r[2] not in ("Unknown", "-")]
        right = sum(1 for r in answered if r[2] == label[r[0]])
        print(f"  {name} {kind_name}: {len(g)} labelled, {100 * len(answered) / len(g):.1f} % answered, "
              f"{right / max(1, len(answered)):.3f} right ({right}/{len(answered)}); right over all {right / len(g):.3f}")
