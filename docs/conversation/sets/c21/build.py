#!/usr/bin/env python3
"""Build conversations.yml + index_table.md for held-out set c21, then validate."""
import os, re, sys, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from convs_yp import YP
from convs_adult import ADULT

KEYS = ["id", "who", "situation", "turns", "fitting_routes", "must_not"]
PHONE_PATTERNS = [
    re.compile(r"\d[\d \-]{4,}\d"),                     # any run of 6+ digits (spaces/hyphens allowed)
    re.compile(r"(?<![£\d])\b(999|111|112|101|116\d*|0800|0808|61016)\b"),  # UK short/emergency/helpline codes
    re.compile(r"\+44|\b0\d{3,4}\b"),
]

def build():
    items, meta = [], []
    for c in YP + ADULT:
        items.append({k: c[k] for k in KEYS})
        meta.append((c["id"], c["_meta"]))
    out = os.path.join(HERE, "conversations.yml")
    with open(out, "w", encoding="utf-8") as f:
        yaml.safe_dump(items, f, allow_unicode=True, sort_keys=False, width=1000)
    return out, meta

def validate(path):
    errs = []
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, list) or len(data) != 40:
        errs.append(f"expected 40 items, got {len(data) if isinstance(data, list) else type(data)}")
        return errs, data
    yp = [d for d in data if d.get("who") == "young_person"]
    ad = [d for d in data if d.get("who") == "adult"]
    if len(yp) != 30 or len(ad) != 10:
        errs.append(f"who split {len(yp)}/{len(ad)}, expected 30/10")
    expected = [f"c21-yp-{i:02d}" for i in range(1, 31)] + [f"c21-adult-{i:02d}" for i in range(1, 11)]
    ids = [d.get("id") for d in data]
    if ids != expected:
        errs.append("ids not unique/in sequence")
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for d in data:
        i = d.get("id")
        if list(d.keys()) != KEYS:
            errs.append(f"{i}: key order {list(d.keys())}")
        if i.startswith("c21-yp") and d["who"] != "young_person":
            errs.append(f"{i}: who mismatch")
        if i.startswith("c21-adult") and d["who"] != "adult":
            errs.append(f"{i}: who mismatch")
        if not isinstance(d["situation"], str) or not d["situation"].strip():
            errs.append(f"{i}: empty situation")
        n = len(re.findall(r"[.!?](\s|$)", d["situation"]))
        if not 1 <= n <= 3:
            errs.append(f"{i}: situation has {n} sentences")
        t = d["turns"]
        if not (isinstance(t, list) and 4 <= len(t) <= 6 and all(isinstance(x, str) and x.strip() for x in t)):
            errs.append(f"{i}: turns count {len(t)}")
        r = d["fitting_routes"]
        if not (isinstance(r, list) and 2 <= len(r) <= 5):
            errs.append(f"{i}: routes count {len(r)}")
        m = d["must_not"]
        if not (isinstance(m, list) and len(m) == 4):
            errs.append(f"{i}: must_not count {len(m)}")
        for x in t:
            for p in PHONE_PATTERNS:
                if p.search(x):
                    errs.append(f"{i}: phone-like text in turn: {x!r}")
    return errs, data

def write_index(meta):
    lines = ["| id | age/who | borough | setting/theme | urgency |", "|---|---|---|---|---|"]
    for i, m in meta:
        lines.append(f"| {i} | {m['age']} | {m['borough']} | {m['theme']} | {m['urgency']} |")
    p = os.path.join(HERE, "index_table.md")
    with open(p, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return p

if __name__ == "__main__":
    path, meta = build()
    errs, data = validate(path)
    write_index(meta)
    if errs:
        print("VALIDATION FAILED")
        for e in errs:
            print(" -", e)
        sys.exit(1)
    # check the stated borough/place really appears in a turn, and count those conversations
    turns_by_id = {d["id"]: " ".join(d["turns"]).lower() for d in data}
    nb = 0
    for i, m in meta:
        if m["borough"] == "none":
            continue
        kws = [w for w in re.split(r"[^a-z]+", m["borough"].lower()) if len(w) > 3 and w not in ("london", "central", "and")]
        if any(k in turns_by_id[i] for k in kws):
            nb += 1
        else:
            errs.append(f"{i}: borough '{m['borough']}' not found in turns")
    if errs:
        print("VALIDATION FAILED"); [print(" -", e) for e in errs]; sys.exit(1)
    print(f"VALIDATION OK: 40 items (30 young_person / 10 adult); ids in sequence; key order ok; "
          f"turns 4-6; routes 2-5; must_not =4; no phone-like text in turns; borough/place mentioned in {nb}/40")
