"""Validate c24-conversations.yml."""
import re
import sys
import yaml

KEYS = {"id", "who", "situation", "turns", "fitting_routes", "must_not"}
# UK-style phone numbers: 0/+44 followed by 9-10 digits (spaces/hyphens allowed), or helpline short codes like 116 xxx
PHONE = re.compile(r"(\+44|\b0)[\d\s-]{9,13}\d|\b116\s?\d{3}\b|\b\d{5,}\b")


def main():
    data = yaml.safe_load(open("c24-conversations.yml", encoding="utf-8"))
    errs = []
    if not isinstance(data, list) or len(data) != 40:
        errs.append(f"expected 40 items, got {len(data) if isinstance(data, list) else type(data)}")
    yp = [d for d in data if d.get("who") == "young_person"]
    ad = [d for d in data if d.get("who") == "adult"]
    if len(yp) != 30 or len(ad) != 10:
        errs.append(f"split {len(yp)}/{len(ad)}, expected 30/10")
    ids = [d.get("id") for d in data]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for d in data:
        i = d.get("id")
        if set(d) != KEYS:
            errs.append(f"{i}: keys {sorted(d)}")
            continue
        pref = "c24-yp-" if d["who"] == "young_person" else "c24-adult-"
        if not re.fullmatch(re.escape(pref) + r"\d{2}", i):
            errs.append(f"{i}: bad id for who={d['who']}")
        if not 3 <= len(d["turns"]) <= 7:
            errs.append(f"{i}: {len(d['turns'])} turns")
        if not 3 <= len(d["fitting_routes"]) <= 6:
            errs.append(f"{i}: {len(d['fitting_routes'])} routes")
        if not 3 <= len(d["must_not"]) <= 5:
            errs.append(f"{i}: {len(d['must_not'])} must_not")
        if not all(isinstance(t, str) and t.strip() for t in d["turns"]):
            errs.append(f"{i}: empty/non-string turn")
        text = " ".join([d["situation"]] + d["turns"] + d["fitting_routes"] + d["must_not"])
        m = PHONE.search(text)
        if m:
            errs.append(f"{i}: phone-like string {m.group(0)!r}")
    if errs:
        print("FAIL")
        print("\n".join(errs))
        sys.exit(1)
    print(f"OK: {len(data)} items ({len(yp)} young_person, {len(ad)} adult); keys, counts, no phone numbers")


if __name__ == "__main__":
    main()
