"""Validate c23-conversations.yml."""
import re, sys, yaml

KEYS = {"id", "who", "situation", "turns", "fitting_routes", "must_not"}
PHONE = re.compile(r"(\+44|\b0\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}\b|\b0800\b|\d{3,}[\s-]\d{3,}|\b\d{5,}\b)")

def main(path="c23-conversations.yml"):
    data = yaml.safe_load(open(path, encoding="utf-8"))
    errs = []
    assert isinstance(data, list)
    if len(data) != 40: errs.append(f"expected 40 items, got {len(data)}")
    yp = [d for d in data if d.get("who") == "young_person"]
    ad = [d for d in data if d.get("who") == "adult"]
    if len(yp) != 30 or len(ad) != 10: errs.append(f"split {len(yp)}/{len(ad)}")
    ids = [d.get("id") for d in data]
    if len(set(ids)) != len(ids): errs.append("duplicate ids")
    exp = [f"c23-yp-{i:02d}" for i in range(1, 31)] + [f"c23-adult-{i:02d}" for i in range(1, 11)]
    if sorted(ids) != sorted(exp): errs.append("id set mismatch")
    seen_turns = set()
    for d in data:
        i = d.get("id")
        if set(d) != KEYS: errs.append(f"{i}: keys {sorted(d)}")
        if not (3 <= len(d["turns"]) <= 7): errs.append(f"{i}: {len(d['turns'])} turns")
        if not (3 <= len(d["fitting_routes"]) <= 6): errs.append(f"{i}: routes")
        if not (3 <= len(d["must_not"]) <= 5): errs.append(f"{i}: must_not")
        if i.startswith("c23-yp") != (d["who"] == "young_person"): errs.append(f"{i}: who/id mismatch")
        for t in d["turns"]:
            if not isinstance(t, str) or not t.strip(): errs.append(f"{i}: bad turn")
            if t in seen_turns and len(t) > 12: errs.append(f"{i}: repeated turn {t!r}")
            seen_turns.add(t)
        blob = " ".join([d["situation"]] + d["turns"] + d["fitting_routes"] + d["must_not"])
        m = PHONE.search(blob)
        if m: errs.append(f"{i}: phone-number-like text {m.group(0)!r}")
    if errs:
        print("VALIDATION FAILED"); print("\n".join(errs)); sys.exit(1)
    print(f"VALIDATION PASSED: {len(data)} items, {len(yp)} young_person / {len(ad)} adult")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "c23-conversations.yml")
