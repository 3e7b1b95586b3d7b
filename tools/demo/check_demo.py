#!/usr/bin/env python3
"""Validates the demo CSVs in data/demo against docs/import-format.md: strict UTF-8, RFC 4180
parse, known columns, required fields, unique keys, references between files, taxonomy codes,
language codes, e-mail shape, times, and that no organization has more accepted meetings than
the slots of the sessions its people attend. Standard library only.

Usage: python3 tools/demo/check_demo.py [data/demo]   (exit 0 = valid, 1 = errors printed)
"""
import csv
import datetime
import io
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

COLUMNS = {
    "organizations": ({"key", "type", "country"},
                      {"key", "name_en", "name_it", "name_zh", "type", "country", "region", "city",
                       "website", "latitude", "longitude"}),
    "people": ({"key", "organization", "given_name", "family_name", "languages"},
               {"key", "organization", "given_name", "family_name", "name_latin", "role", "email",
                "languages", "needs_interpreter", "sessions"}),
    "profiles": ({"key", "organization", "kind"},
                 {"key", "organization", "kind", "title_en", "title_it", "title_zh", "text_en",
                  "text_it", "text_zh", "themes", "keywords", "cooperation"}),
    "sessions": ({"key", "city", "date", "start", "end", "slot_minutes", "tables"},
                 {"key", "city", "venue", "date", "start", "end", "slot_minutes", "tables",
                  "breaks"}),
    "interpreters": ({"key", "name", "pairs"}, {"key", "name", "pairs", "sessions"}),
    "requests": ({"key", "from", "to", "preference"},
                 {"key", "from", "to", "requested_by", "preference", "status", "message",
                  "created_at"}),
}
ORG_TYPES = {"university", "research", "company", "startup", "district", "science_park",
             "government", "association", "other"}
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
LANG = re.compile(r"^[a-z]{2}$")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
BOOL = {"yes", "no", "true", "false", "1", "0", ""}


class Checker:
    def __init__(self, folder):
        self.folder = folder
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def read(self, kind):
        path = os.path.join(self.folder, kind + ".csv")
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(kind + ".csv", f"invalid UTF-8 at byte {e.start}")
            return []
        text = text.lstrip("\ufeff")
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        try:
            table = list(reader)
        except csv.Error as e:
            self.err(kind + ".csv", f"RFC 4180 parse error: {e}")
            return []
        header, body = table[0], table[1:]
        required, allowed = COLUMNS[kind]
        for h in header:
            if h not in allowed:
                self.err(f"{kind}.csv:1", f"unknown column '{h}'")
        for h in required - set(header):
            self.err(f"{kind}.csv:1", f"missing column '{h}'")
        out = []
        keys = set()
        for i, row in enumerate(body, start=2):
            if len(row) != len(header):
                self.err(f"{kind}.csv:{i}", f"{len(row)} fields, header has {len(header)}")
                continue
            rec = dict(zip(header, row))
            rec["_line"] = f"{kind}.csv:{i}"
            for h in required:
                if not rec.get(h, "").strip():
                    self.err(rec["_line"], f"column '{h}': required value is empty")
            if rec["key"] in keys:
                self.err(rec["_line"], f"duplicate key '{rec['key']}'")
            keys.add(rec["key"])
            for h, v in rec.items():
                if h != "_line" and v != v.strip():
                    self.err(rec["_line"], f"column '{h}': leading/trailing whitespace")
            out.append(rec)
        return out

    def run(self):
        themes = {r["code"] for r in csv.DictReader(
            open(os.path.join(ROOT, "data/taxonomy/themes.csv"), encoding="utf-8"))}
        coops = {r["code"] for r in csv.DictReader(
            open(os.path.join(ROOT, "data/taxonomy/cooperation_types.csv"), encoding="utf-8"))}
        event = json.load(open(os.path.join(self.folder, "event.json"), encoding="utf-8"))
        for t in event.get("themes", []):
            if t not in themes:
                self.err("event.json", f"unknown theme '{t}'")
        for field in ("key", "name", "time_zone", "start_date", "end_date"):
            if field not in event:
                self.err("event.json", f"missing '{field}'")

        sessions = self.read("sessions")
        slots = {}
        for s in sessions:
            for h in ("start", "end"):
                if not TIME.match(s[h]):
                    self.err(s["_line"], f"column '{h}': expected HH:MM")
            datetime.date.fromisoformat(s["date"])
            if not event["start_date"] <= s["date"] <= event["end_date"]:
                self.err(s["_line"], "date outside the event")
            slot = int(s["slot_minutes"])
            t0 = [int(x) for x in s["start"].split(":")]
            t1 = [int(x) for x in s["end"].split(":")]
            start, end = t0[0] * 60 + t0[1], t1[0] * 60 + t1[1]
            brk = []
            for b in filter(None, s["breaks"].split(";")):
                b0, b1 = b.split("-")
                if not (TIME.match(b0) and TIME.match(b1)):
                    self.err(s["_line"], f"bad break '{b}'")
                    continue
                brk.append((int(b0[:2]) * 60 + int(b0[3:]), int(b1[:2]) * 60 + int(b1[3:])))
            n, t = 0, start
            while t + slot <= end:
                n += 0 if any(t < b1 and t + slot > b0 for b0, b1 in brk) else 1
                t += slot
            slots[s["key"]] = n
        all_sessions = set(slots)

        orgs = {o["key"]: o for o in self.read("organizations")}
        for o in orgs.values():
            if o["type"] not in ORG_TYPES:
                self.err(o["_line"], f"column 'type': unknown '{o['type']}'")
            if not re.match(r"^[A-Z]{2}$", o["country"]):
                self.err(o["_line"], "column 'country': expected ISO 3166-1 alpha-2")
            if not (o.get("name_en") or o.get("name_it") or o.get("name_zh")):
                self.err(o["_line"], "no name in any language")
            for h, lo, hi in (("latitude", -90, 90), ("longitude", -180, 180)):
                if o.get(h) and not lo <= float(o[h]) <= hi:
                    self.err(o["_line"], f"column '{h}' out of range")

        profiles = self.read("profiles")
        for p in profiles:
            if p["organization"] not in orgs:
                self.err(p["_line"], f"unknown organization '{p['organization']}'")
            if p["kind"] not in ("offer", "request", "cooperation"):
                self.err(p["_line"], f"column 'kind': unknown '{p['kind']}'")
            if not (p.get("title_en") or p.get("title_it") or p.get("title_zh")):
                self.err(p["_line"], "no title in any language")
            for t in filter(None, p.get("themes", "").split(";")):
                if t not in themes:
                    self.err(p["_line"], f"column 'themes': unknown theme '{t}'")
            for c in filter(None, p.get("cooperation", "").split(";")):
                if c not in coops:
                    self.err(p["_line"], f"column 'cooperation': unknown code '{c}'")

        people = {p["key"]: p for p in self.read("people")}
        org_sessions = {}
        for p in people.values():
            if p["organization"] not in orgs:
                self.err(p["_line"], f"unknown organization '{p['organization']}'")
            for lang in p["languages"].split(";"):
                if not LANG.match(lang):
                    self.err(p["_line"], f"column 'languages': bad code '{lang}'")
            if p.get("email") and not EMAIL.match(p["email"]):
                self.err(p["_line"], f"column 'email': bad address '{p['email']}'")
            if p.get("needs_interpreter", "") not in BOOL:
                self.err(p["_line"], "column 'needs_interpreter': expected yes/no")
            sess = [s for s in p.get("sessions", "").split(";") if s] or sorted(all_sessions)
            for s in sess:
                if s not in all_sessions:
                    self.err(p["_line"], f"column 'sessions': unknown session '{s}'")
            org_sessions.setdefault(p["organization"], set()).update(sess)

        for i in self.read("interpreters"):
            for pair in i["pairs"].split(";"):
                a, _, b = pair.partition("-")
                if not (LANG.match(a) and LANG.match(b)):
                    self.err(i["_line"], f"column 'pairs': bad pair '{pair}'")
            for s in filter(None, i.get("sessions", "").split(";")):
                if s not in all_sessions:
                    self.err(i["_line"], f"column 'sessions': unknown session '{s}'")

        accepted = {}
        pairs = set()
        for r in self.read("requests"):
            for h in ("from", "to"):
                if r[h] not in orgs:
                    self.err(r["_line"], f"column '{h}': unknown organization '{r[h]}'")
            if r["from"] == r["to"]:
                self.err(r["_line"], "request to itself")
            if r.get("requested_by"):
                person = people.get(r["requested_by"])
                if person is None:
                    self.err(r["_line"], f"unknown person '{r['requested_by']}'")
                elif person["organization"] != r["from"]:
                    self.err(r["_line"], "requested_by is not a member of 'from'")
            if r["preference"] not in ("must", "want", "no_thanks"):
                self.err(r["_line"], f"column 'preference': unknown '{r['preference']}'")
            if r.get("status", "") not in ("", "pending", "accepted", "declined", "cancelled"):
                self.err(r["_line"], f"column 'status': unknown '{r['status']}'")
            if r.get("created_at"):
                try:
                    datetime.datetime.fromisoformat(r["created_at"])
                except ValueError:
                    self.err(r["_line"], "column 'created_at': expected ISO 8601")
            pair = (r["from"], r["to"])
            if pair in pairs:
                self.err(r["_line"], f"duplicate request {pair}")
            pairs.add(pair)
            if r.get("status") == "accepted":
                common = org_sessions.get(r["from"], set()) & org_sessions.get(r["to"], set())
                if not common:
                    self.err(r["_line"], "accepted meeting but the two sides share no session")
                for h in ("from", "to"):
                    accepted[r[h]] = accepted.get(r[h], 0) + 1
        for org, n in accepted.items():
            cap = sum(slots[s] for s in org_sessions.get(org, ()))
            if n > cap:
                self.err("requests.csv", f"organization '{org}' has {n} accepted meetings but "
                         f"only {cap} slots in the sessions it attends")
        for key in orgs:
            if key not in org_sessions:
                self.err("people.csv", f"organization '{key}' has nobody attending")
        return not self.errors


def main(argv):
    folder = argv[0] if argv else os.path.join(ROOT, "data", "demo")
    c = Checker(folder)
    ok = c.run()
    for e in c.errors[:200]:
        print(e)
    if ok:
        print(f"{folder}: OK")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
