#!/usr/bin/env python3
"""Builds the demo import files in data/demo/ from the public datasets (provenance only: the app never runs this).

Run from the repository root with the shared datasets next to it:
    python3 data/demo/build_demo_data.py ../shared/data

The texts are never changed. Assets, sites and dates come from the data where it has them:
- omin-faa   -> faa-narratives.jsonl  (asset = aircraft registration c22, make c23, model c24; occurredAt = c9;
  site = "US-" + the state of the event's location, c13)
- ords-fault-quests (dustup, printcat, tabicat) -> openrepair.jsonl (asset = product category + brand;
  occurredAt = event_date; site = the data provider and country, e.g. "Repair Café International (NLD)")
MaintNet has no aircraft, sites or dates. For the demo they are ASSIGNED, not original (tag "assigned-metadata"):
- maintnet (data/maintnet in this repository) -> maintnet-fleet.jsonl: each run of consecutive rows about the same
  problem goes to one aircraft of a made-up fleet of twelve (fictional N-numbers, three hangars); the rows, in
  their IDENT order, are spread evenly over 2024-12-01 to 2026-11-30, daytime, with a fixed seed.
"""
import csv
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

# the made-up fleet the MaintNet rows are assigned to: (tail number, model, home hangar)
FLEET = [("N501FL", "Cessna 172S", "Hangar North"), ("N502FL", "Cessna 172S", "Hangar North"),
         ("N503FL", "Cessna 172S", "Hangar North"), ("N504FL", "Cessna 172S", "Hangar South"),
         ("N505FL", "Cessna 172S", "Hangar South"), ("N506FL", "Piper PA-28-181", "Hangar South"),
         ("N507FL", "Piper PA-28-181", "Hangar South"), ("N508FL", "Piper PA-28-181", "Hangar East"),
         ("N509FL", "Piper PA-44-180", "Hangar East"), ("N510FL", "Piper PA-44-180", "Hangar East"),
         ("N511FL", "Cessna 182T", "Hangar North"), ("N512FL", "Beechcraft Baron 58", "Hangar East")]


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
                "kind": "incident_report",
                "asset": {"id": reg, "name": " ".join(x for x in (make, model) if x) or None, "type": "aircraft",
                          "site": f"US-{state}" if state else None} if reg else None,
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
                    provider, country = clean(r["data_provider"]), clean(r["country"])
                    site = f"{provider} ({country})" if provider and country else provider
                    record = {
                        "source": "openrepair",
                        "externalId": r["id_ords"].strip(),
                        "kind": "work_order",
                        "asset": {"id": slug(f"{category} {brand or 'unknown brand'}"),
                                  "name": f"{brand} {category}" if brand else f"{category} (brand unknown)",
                                  "type": category, "site": site},
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


def maintnet(repo: Path, out: Path):
    rng = random.Random(20261204)
    start = datetime(2024, 12, 1, tzinfo=timezone.utc)
    days = (datetime(2026, 11, 30, tzinfo=timezone.utc) - start).days
    with open(repo / "maintnet" / "Aircraft_Annotation_DataFile.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    previous, aircraft = None, None
    with open(out / "maintnet-fleet.jsonl", "w", encoding="utf-8") as w:
        for i, r in enumerate(rows):
            problem = (r["PROBLEM"] or "").strip()
            if problem != previous:  # a new problem: the next write-up may be on any aircraft
                aircraft = rng.choice(FLEET)
            previous = problem
            tail, model, site = aircraft
            when = start + timedelta(days=i * days // len(rows), minutes=rng.randint(6 * 60, 18 * 60))
            action = (r["ACTION"] or "").strip()
            record = {
                "source": "maintnet",
                "externalId": r["IDENT"].strip(),
                "kind": "maintenance_log",
                "asset": {"id": tail, "name": f"{model} {tail}", "type": "aircraft", "site": site},
                "occurredAt": when.strftime("%Y-%m-%dT%H:%M:00Z"),
                "text": problem,
                "fields": {k: v for k, v in {"problem": problem, "action": action}.items() if v},
                "language": "en",
                "tags": ["assigned-metadata"],
            }
            w.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    target = Path(__file__).resolve().parent
    print("faa-narratives.jsonl", faa(source, target))
    print("openrepair.jsonl", ords(source, target))
    print("maintnet-fleet.jsonl", maintnet(target.parent, target))
