#!/usr/bin/env python3
"""Validate urgent.yml and danger_answers.yml; print markdown summary tables."""
import re, sys, collections, yaml

errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

U = yaml.safe_load(open("urgent.yml", encoding="utf-8"))
D = yaml.safe_load(open("danger_answers.yml", encoding="utf-8"))

LEVELS = {"emergency": 65, "medical": 30, "crisis": 50, "none": 35}
PHONE_RE = re.compile(r"\+?\d[\d \-()]{5,}\d")
SHORT_RE = re.compile(r"\b(111|112|116\s?\d{3}|0800|0808|0300|\+44)\b")

def phone_like(s):
    for m in PHONE_RE.finditer(s):
        if len(re.sub(r"\D", "", m.group())) >= 7:
            return True
    return bool(SHORT_RE.search(s))

# ---- urgent.yml ----
check(isinstance(U, list) and len(U) == 180, f"urgent: expected 180 items, got {len(U)}")
for i, x in enumerate(U):
    check(set(x) == {"text", "level", "kind", "lang"}, f"urgent[{i}] keys {sorted(x)}")
    check(x.get("level") in LEVELS, f"urgent[{i}] bad level {x.get('level')}")
    for k in ("text", "kind", "lang"):
        check(isinstance(x.get(k), str) and x[k].strip(), f"urgent[{i}] empty {k}")
    check(re.fullmatch(r"[a-z]{2,3}", x.get("lang", "")), f"urgent[{i}] lang not ISO-like: {x.get('lang')}")
cnt = collections.Counter(x["level"] for x in U)
for lv, n in LEVELS.items():
    check(cnt[lv] == n, f"urgent: {lv} count {cnt[lv]} != {n}")
texts = [x["text"].strip().lower() for x in U]
dups = [t for t, c in collections.Counter(texts).items() if c > 1]
check(not dups, f"urgent: duplicates {dups}")

non_en = [x for x in U if x["lang"] != "en"]
frac_non_en = len(non_en) / len(U)
check(0.22 <= frac_non_en <= 0.28, f"non-English share {frac_non_en:.2%} not ~25%")
for lv in LEVELS:
    check(any(x["level"] == lv and x["lang"] != "en" for x in U), f"no non-English {lv} item")
urgent_items = [x for x in U if x["level"] != "none"]
third = [x for x in urgent_items if "told by" in x["kind"]]
frac_third = len(third) / len(urgent_items)
check(0.30 <= frac_third <= 0.40, f"third-party share of urgent {frac_third:.2%} not ~35%")
long_ = [x for x in U if len(x["text"]) > 400]
check(len(long_) == 6, f"long (>400 chars) count {len(long_)} != 6")
check(all(x["level"] != "none" for x in long_), "a long message is not urgent")
start = [x for x in U if x["text"].startswith("/start ")]
check(len(start) == 5, f"/start count {len(start)} != 5")
photo = [x for x in U if x["text"].startswith("[Photo] ")]
check(len(photo) == 6, f"[Photo] count {len(photo)} != 6")
langs = collections.Counter(x["lang"] for x in U)

# ---- danger_answers.yml ----
check(isinstance(D, list) and len(D) == 40, f"danger: expected 40 items, got {len(D)}")
for i, x in enumerate(D):
    check(set(x) == {"before", "reply", "expect"}, f"danger[{i}] keys {sorted(x)}")
    check(x.get("expect") in ("keep_urgent", "safe"), f"danger[{i}] bad expect")
    check(isinstance(x.get("reply"), str) and x["reply"].strip(), f"danger[{i}] empty reply")
    check(isinstance(x.get("before"), str) and x["before"].strip(), f"danger[{i}] empty before")
dcnt = collections.Counter(x["expect"] for x in D)
check(dcnt["keep_urgent"] == 28, f"danger keep_urgent {dcnt['keep_urgent']} != 28")
check(dcnt["safe"] == 12, f"danger safe {dcnt['safe']} != 12")
pairs = [(x["before"].strip().lower(), x["reply"].strip().lower()) for x in D]
check(len(set(pairs)) == len(pairs), "danger: duplicate before/reply pairs")
check(len(set(p[1] for p in pairs)) == len(pairs), "danger: duplicate replies")

# ---- global string checks ----
all_strings = [s for x in U for s in x.values()] + [s for x in D for s in x.values()]
raw = open("urgent.yml", encoding="utf-8").read() + open("danger_answers.yml", encoding="utf-8").read()
NINES = "9" * 3
check(NINES not in raw, "the forbidden triple-nine string occurs")
bad_phone = [s for s in all_strings if phone_like(s)]
check(not bad_phone, f"phone-number-like strings: {bad_phone}")

# ---- report ----
print("# validate.py output\n")
print("## urgent.yml: level x language\n")
print("| level | English | non-English | total | told by someone else |")
print("|---|---|---|---|---|")
for lv in LEVELS:
    e = sum(1 for x in U if x["level"] == lv and x["lang"] == "en")
    n = sum(1 for x in U if x["level"] == lv and x["lang"] != "en")
    t = sum(1 for x in U if x["level"] == lv and "told by" in x["kind"])
    print(f"| {lv} | {e} | {n} | {e+n} | {t} |")
print(f"| **total** | {len(U)-len(non_en)} | {len(non_en)} | {len(U)} | {sum(1 for x in U if 'told by' in x['kind'])} |")
print()
print(f"- non-English share: {len(non_en)}/{len(U)} = {frac_non_en:.1%}")
print(f"- third-party share of urgent (non-none): {len(third)}/{len(urgent_items)} = {frac_third:.1%}")
print(f"- >400-char messages: {len(long_)} (levels: {dict(collections.Counter(x['level'] for x in long_))})")
print(f"- '/start ' messages: {len(start)}; '[Photo] ' messages: {len(photo)}")
print(f"- languages: {dict(sorted(langs.items()))}")
print()
print("## danger_answers.yml\n")
print("| expect | count |")
print("|---|---|")
for k in ("keep_urgent", "safe"):
    print(f"| {k} | {dcnt[k]} |")
print()
if errors:
    print("## RESULT: FAIL\n")
    for e in errors:
        print("- " + e)
    sys.exit(1)
print("## RESULT: PASS (counts, keys, quotas, no duplicates, no phone numbers, no triple-nine string)")
