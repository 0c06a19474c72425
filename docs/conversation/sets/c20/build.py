#!/usr/bin/env python3
"""Build conversations.yml + index_table.md for held-out set c20 (own knowledge only)."""
import re, sys, yaml
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from data_yp import YP
from data_adult import ADULT

HERE = Path(__file__).parent
KEYS = ["id", "who", "situation", "turns", "fitting_routes", "must_not"]
# phone-number-like: long digit runs, UK prefixes, or well-known short helpline numbers
PHONE_RE = re.compile(r"(\+44|\b0\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b|\b\d[\d\s-]{6,}\d\b|\b116\s?\d{3}\b|\b0800\b|\b0808\b|\b999\b|\b101\b|\b111\b|\b112\b)")
PLACE_WORDS = ["lewisham","croydon","hackney","tower hamlets","southwark","camden","newham","stratford","barnet",
    "haringey","tottenham","islington","angel","enfield","bromley","wandsworth","westminster","oxford circus","ealing",
    "brent","hounslow","greenwich","sutton","kingston","hammersmith","fulham","redbridge","ilford","havering","romford",
    "merton","waltham","walthamstow","leyton","harrow","kensington","bexley","bexleyheath","hillingdon","hayes",
    "lambeth","peckham","dagenham","barking","london","northern line","tube"]

def build():
    items, meta = [], []
    for i, d in enumerate(YP, 1):
        items.append(dict(id=f"c20-yp-{i:02d}", who="young_person", situation=d["situation"], turns=d["turns"],
                          fitting_routes=d["fitting_routes"], must_not=d["must_not"]))
        meta.append(d["meta"])
    for i, d in enumerate(ADULT, 1):
        items.append(dict(id=f"c20-adult-{i:02d}", who="adult", situation=d["situation"], turns=d["turns"],
                          fitting_routes=d["fitting_routes"], must_not=d["must_not"]))
        meta.append(d["meta"])
    return items, meta

def validate(data):
    errs = []
    if not isinstance(data, list) or len(data) != 40: errs.append(f"expected 40 items, got {len(data)}")
    yp = [x for x in data if x.get("who") == "young_person"]; ad = [x for x in data if x.get("who") == "adult"]
    if len(yp) != 30 or len(ad) != 10: errs.append(f"who split {len(yp)}/{len(ad)}")
    expected = [f"c20-yp-{i:02d}" for i in range(1, 31)] + [f"c20-adult-{i:02d}" for i in range(1, 11)]
    ids = [x.get("id") for x in data]
    if ids != expected: errs.append("ids not unique/in sequence")
    if len(set(ids)) != len(ids): errs.append("duplicate ids")
    for x in data:
        xid = x.get("id")
        if list(x.keys()) != KEYS: errs.append(f"{xid}: key order {list(x.keys())}")
        if not isinstance(x["situation"], str) or not x["situation"].strip(): errs.append(f"{xid}: empty situation")
        ns = len(re.findall(r"[.!?](\s|$)", x["situation"].strip()))
        if not 1 <= ns <= 3: errs.append(f"{xid}: situation has {ns} sentences")
        if not 4 <= len(x["turns"]) <= 6: errs.append(f"{xid}: {len(x['turns'])} turns")
        if not 2 <= len(x["fitting_routes"]) <= 5: errs.append(f"{xid}: {len(x['fitting_routes'])} routes")
        if len(x["must_not"]) != 4: errs.append(f"{xid}: {len(x['must_not'])} must_not")
        for field in ("turns", "fitting_routes", "must_not", "situation"):
            vals = x[field] if isinstance(x[field], list) else [x[field]]
            for v in vals:
                if not isinstance(v, str) or not v.strip(): errs.append(f"{xid}: empty/non-string in {field}")
                # short emergency numbers are allowed only as route names (e.g. "999 if in danger")
                txt = v if field != "fitting_routes" else re.sub(r"\b(999|101)\b", "", v)
                if PHONE_RE.search(txt): errs.append(f"{xid}: phone-like text in {field}: {v!r}")
    return errs

def place_in_turns(x):
    t = " ".join(x["turns"]).lower()
    return any(re.search(r"\b" + re.escape(p) + r"\b", t) for p in PLACE_WORDS)

def main():
    items, meta = build()
    out = HERE / "conversations.yml"
    out.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    errs = validate(data)
    if errs:
        print("VALIDATION FAILED"); [print(" -", e) for e in errs]; sys.exit(1)
    rows = ["| id | age/who | borough | setting/theme | urgency |", "|---|---|---|---|---|"]
    n_place = 0
    for x, (agewho, borough, theme, urg) in zip(data, meta):
        pl = place_in_turns(x); n_place += pl
        b = borough if (pl or borough == "not given") else f"{borough} (not named in turns)"
        rows.append(f"| {x['id']} | {agewho} | {b} | {theme} | {urg} |")
    (HERE / "index_table.md").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"OK: {len(data)} items ({sum(x['who']=='young_person' for x in data)} young_person, "
          f"{sum(x['who']=='adult' for x in data)} adult); ids sequential; key order exact; turns 4-6; routes 2-5; "
          f"must_not=4; no phone-number-like text. Place named in turns: {n_place}/40")

if __name__ == "__main__":
    main()
