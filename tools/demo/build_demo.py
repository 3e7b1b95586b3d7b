#!/usr/bin/env python3
"""Builds the ponte demo event (data/demo/*.csv, event.json) from the hand-written tables in
this folder. Standard library only; deterministic (fixed seed): running it twice gives
byte-identical files.

Usage: python3 tools/demo/build_demo.py [--out data/demo]
"""
import argparse
import csv
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import geo  # noqa: E402
import data_it  # noqa: E402
import data_cn  # noqa: E402

SEED = 20261116
ROOT_TAXONOMY = os.path.normpath(os.path.join(HERE, "..", "..", "data", "taxonomy"))
EVENT_KEY = "icstiw-2026"

# Sessions: key, city, venue, date, start, end, slot minutes, tables, breaks.
VENUES = [
    {"key": "bj-cnc", "city": "Beijing",
     "name": "China National Convention Center",
     "name_zh": "国家会议中心", "address": "7 Tianchen East Road, Chaoyang District, Beijing",
     "latitude": 40.0003, "longitude": 116.3883},
    {"key": "cd-tficc", "city": "Chengdu",
     "name": "Tianfu International Conference Center",
     "name_zh": "天府国际会议中心", "address": "Tianfu New Area, Chengdu, Sichuan",
     "latitude": 30.3970, "longitude": 104.0720},
]
SESSIONS = [
    ("bj-am", "Beijing", "China National Convention Center", "2026-11-16", "09:00", "12:30",
     30, 60, "10:30-11:00"),
    ("bj-pm", "Beijing", "China National Convention Center", "2026-11-16", "14:00", "18:00",
     20, 55, "16:00-16:20"),
    ("cd-am", "Chengdu", "Tianfu International Conference Center", "2026-11-17", "09:00",
     "12:00", 30, 45, "10:30-11:00"),
    ("cd-pm", "Chengdu", "Tianfu International Conference Center", "2026-11-17", "13:30",
     "17:30", 20, 40, "15:30-15:50"),
]
BEIJING_SESSIONS = ["bj-am", "bj-pm"]
CHENGDU_SESSIONS = ["cd-am", "cd-pm"]
ALL_SESSIONS = BEIJING_SESSIONS + CHENGDU_SESSIONS


def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def session_slots(sess):
    """Number of meeting slots in a session (slots overlapping a break are dropped)."""
    _, _, _, _, start, end, slot, _, breaks = sess
    brk = [tuple(minutes(t) for t in b.split("-")) for b in breaks.split(";") if b]
    count = 0
    t = minutes(start)
    while t + slot <= minutes(end):
        if not any(t < b1 and t + slot > b0 for b0, b1 in brk):
            count += 1
        t += slot
    return count


SLOTS = {s[0]: session_slots(s) for s in SESSIONS}


def rows(table):
    return [line.split("|") for line in table.strip().splitlines() if line.strip()]


def jitter(rng, value, amount=0.02):
    return round(value + rng.uniform(-amount, amount), 4)


def slug_domain(key, country, otype):
    base = key.split("-", 1)[1].replace("-", "")
    if country == "IT":
        return base + ".it"
    return base + (".org.cn" if otype in ("association", "other") else ".com.cn")


def load_organizations(rng):
    orgs = []
    for r in rows(data_it.IT_PUBLIC):
        key, otype, name_it, name_en, city, web, coords, themes, weight, spec_it, spec_en = r
        region, lat, lon = geo.IT_CITIES[city]
        if coords:
            lat, lon = (float(x) for x in coords.split(","))
        else:
            lat, lon = jitter(rng, lat), jitter(rng, lon)
        orgs.append(dict(key=key, type=otype, country="IT", name_it=name_it, name_en=name_en,
                         name_zh="", city=city, region=region, website=web, lat=lat, lon=lon,
                         themes=themes.split(";"), weight=int(weight), real=True,
                         spec={"it": spec_it, "en": spec_en}, offer=None, seek=None))
    for r in rows(data_it.IT_BUSINESS):
        key, otype, name, city, themes, off_it, off_en, seek_it, seek_en = r
        region, lat, lon = geo.IT_CITIES[city]
        orgs.append(dict(key=key, type=otype, country="IT", name_it=name, name_en=name,
                         name_zh="", city=city, region=region,
                         website=slug_domain(key, "IT", otype),
                         lat=jitter(rng, lat), lon=jitter(rng, lon), themes=themes.split(";"),
                         weight=rng.choice([1, 1, 1, 2, 2, 3]), real=False,
                         spec={"it": off_it, "en": off_en},
                         offer={"it": off_it, "en": off_en}, seek={"it": seek_it, "en": seek_en}))
    for r in rows(data_cn.CN_PUBLIC):
        key, otype, name_en, name_zh, city, web, coords, themes, weight, spec_zh, spec_en = r
        region, lat, lon = geo.CN_CITIES[city]
        if coords:
            lat, lon = (float(x) for x in coords.split(","))
        orgs.append(dict(key=key, type=otype, country="CN", name_it="", name_en=name_en,
                         name_zh=name_zh, city=city, region=region, website=web, lat=lat,
                         lon=lon, themes=themes.split(";"), weight=int(weight), real=True,
                         spec={"zh": spec_zh, "en": spec_en}, offer=None, seek=None))
    for r in rows(data_cn.CN_BUSINESS):
        key, otype, name_zh, name_en, city, themes, off_zh, off_en, seek_zh, seek_en = r
        region, lat, lon = geo.CN_CITIES[city]
        orgs.append(dict(key=key, type=otype, country="CN", name_it="", name_en=name_en,
                         name_zh=name_zh, city=city, region=region,
                         website=slug_domain(key, "CN", otype),
                         lat=jitter(rng, lat), lon=jitter(rng, lon), themes=themes.split(";"),
                         weight=rng.choice([1, 1, 1, 2, 2, 3]), real=False,
                         spec={"zh": off_zh, "en": off_en},
                         offer={"zh": off_zh, "en": off_en}, seek={"zh": seek_zh, "en": seek_en}))
    return orgs


def write_csv(path, header, records):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for rec in records:
        w.writerow([str(rec.get(h, "")).strip() for h in header])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_event(out):
    themes = ["ai", "manufacturing", "health", "agrifood", "energy", "heritage", "aerospace",
              "smartcity", "materials", "ict", "marine", "education", "design"]
    event = {
        "key": EVENT_KEY,
        "name": {
            "en": "China–Italy Science, Technology & Innovation Week 2026",
            "it": "Settimana Italia–Cina della Scienza, della Tecnologia e dell'Innovazione 2026",
            "zh": "2026中意科技创新合作周",
        },
        "time_zone": "Asia/Shanghai",
        "start_date": "2026-11-16",
        "end_date": "2026-11-17",
        "themes": themes,
        "venues": [{"key": v["key"], "city": v["city"], "name": v["name"]} for v in VENUES],
    }
    with open(os.path.join(out, "event.json"), "w", encoding="utf-8") as f:
        json.dump(event, f, ensure_ascii=False, indent=2)
        f.write("\n")


def write_sessions(out):
    recs = []
    for key, city, venue, date, start, end, slot, tables, breaks in SESSIONS:
        recs.append(dict(key=key, city=city, venue=venue, date=date, start=start, end=end,
                         slot_minutes=slot, tables=tables, breaks=breaks))
    write_csv(os.path.join(out, "sessions.csv"),
              ["key", "city", "venue", "date", "start", "end", "slot_minutes", "tables", "breaks"],
              recs)


def website_url(domain):
    labels = domain.split(".")
    second_level = len(labels) >= 3 and labels[-2] in ("edu", "com", "org", "ac", "gov")
    bare = len(labels) == 2 or (second_level and len(labels) == 3)
    return "https://" + ("www." if bare else "") + domain


def write_organizations(out, orgs):
    recs = []
    for o in orgs:
        recs.append(dict(key=o["key"], name_en=o["name_en"], name_it=o["name_it"],
                         name_zh=o["name_zh"], type=o["type"], country=o["country"],
                         region=o["region"], city=o["city"], website=website_url(o["website"]),
                         latitude=f"{o['lat']:.4f}", longitude=f"{o['lon']:.4f}"))
    write_csv(os.path.join(out, "organizations.csv"),
              ["key", "name_en", "name_it", "name_zh", "type", "country", "region", "city",
               "website", "latitude", "longitude"], recs)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "data", "demo"))
    ap.add_argument("--only", default="", help="comma list of outputs (default all)")
    args = ap.parse_args(argv)
    out = os.path.normpath(args.out)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(SEED)
    orgs = load_organizations(rng)
    write_event(out)
    write_sessions(out)
    write_organizations(out, orgs)
    try:
        import build_rest  # noqa: E402  (profiles, people, interpreters, requests)
    except ImportError:
        return 0
    build_rest.build(out, orgs, random.Random(SEED + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
