#!/usr/bin/env python3
"""Builds the demo import files in data/demo/ from the public datasets (provenance only: the app never runs this).

Run from the repository root with the shared datasets next to it:
    python3 data/demo/build_demo_data.py ../shared/data

Nothing is invented: assets and dates are taken from the data where it has them and left empty where it has not.
- omin-faa   -> faa-narratives.jsonl  (asset = aircraft registration c22, make c23, model c24; occurredAt = c9)
- ords-fault-quests (dustup, printcat, tabicat) -> openrepair.jsonl (asset = product category + brand; occurredAt = event_date)
MaintNet is imported from its original CSV with a column mapping (maintnet.mapping.json), so it needs no conversion.
"""
import csv
import json
import re
import sys
from pathlib import Path


def clean(value):
    value = (value or "").strip()
    return value or None


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def faa(src: Path, out: Path):
    rows = 0
    with open(src / "omin-faa" / "Maintenance_Text_data_nona.csv", encoding="utf-8", newline="") as f, \
            open(out / "faa-narratives.jsonl", "w", encoding="utf-8") as w:
        for r in csv.DictReader(f):
            d = r["c9"].strip()
            make, model, reg = clean(r["c23"]), clean(r["c24"]), clean(r["c22"])
            city, state, airport = clean(r["c14"]), clean(r["c13"]), clean(r["c15"])
            location = ", ".join(x for x in (city, state) if x)
            fields = {"event": clean(r["c93"]),
                      "location": location + (f" ({airport})" if airport else "") if location else airport}
            record = {
                "source": "faa-aid",
                "externalId": r["c5"].strip(),
                "kind": "quality_report",
                "asset": {"id": reg, "name": " ".join(x for x in (make, model) if x) or None, "type": "aircraft"} if reg else None,
                "occurredAt": f"{d[0:4]}-{d[4:6]}-{d[6:8]}",
                "title": clean(r["c93"]),
                "text": clean(r["c119"]),
                "fields": {k: v for k, v in fields.items() if v},
                "language": "en",
                "tags": [{"A": "accident", "I": "incident"}.get(r["c1"].strip(), r["c1"].strip())],
            }
            w.write(json.dumps(record, ensure_ascii=False) + "\n")
            rows += 1
    return rows


def ords(src: Path, out: Path):
    rows = 0
    with open(out / "openrepair.jsonl", "w", encoding="utf-8") as w:
        for name in ("dustup", "printcat", "tabicat"):
            with open(src / "ords-fault-quests" / f"{name}.csv", encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    problem = clean(r["problem"])
                    if not problem:
                        continue
                    category = clean(r["product_category"]) or "Unknown"
                    brand = clean(r["brand"])
                    if brand and brand.lower() == "unknown":
                        brand = None
                    record = {
                        "source": "openrepair",
                        "externalId": r["id_ords"].strip(),
                        "kind": "work_order",
                        "asset": {"id": slug(f"{category} {brand or 'unknown brand'}"),
                                  "name": f"{brand} {category}" if brand else f"{category} (brand unknown)",
                                  "type": category},
                        "occurredAt": clean(r["event_date"]),
                        "text": problem,
                        "fields": {k: v for k, v in {"repair_status": clean(r["repair_status"]),
                                                     "country": clean(r["country"]),
                                                     "data_provider": clean(r["data_provider"])}.items() if v},
                        "language": clean(r.get("language")),
                        "tags": [],
                    }
                    w.write(json.dumps(record, ensure_ascii=False) + "\n")
                    rows += 1
    return rows


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    target = Path(__file__).resolve().parent
    print("faa-narratives.jsonl", faa(source, target))
    print("openrepair.jsonl", ords(source, target))
