#!/usr/bin/env python3
"""Validate urgent.yml and danger_answers.yml; print markdown tables."""
import re, sys, collections
import yaml

errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

PHONE = re.compile(r"(\+?\d[\d\s().-]{6,}\d)|(\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b)")
u = yaml.safe_load(open("urgent.yml", encoding="utf-8"))
d = yaml.safe_load(open("danger_answers.yml", encoding="utf-8"))

# urgent.yml
check(isinstance(u, list) and len(u) == 180, f"urgent count {len(u)} != 180")
LEVELS = {"emergency": 65, "medical": 30, "crisis": 50, "none": 35}
for i, it in enumerate(u):
    check(set(it) == {"text", "level", "kind", "lang"}, f"urgent[{i}] keys {sorted(it)}")
    check(it["level"] in LEVELS, f"urgent[{i}] bad level {it['level']}")
    check(all(isinstance(it[k], str) and it[k].strip() for k in it), f"urgent[{i}] empty field")
    check(re.fullmatch(r"[a-z]{2,3}", it["lang"]) is not None, f"urgent[{i}] bad lang {it['lang']}")
cnt = collections.Counter(it["level"] for it in u)
for lv, n in LEVELS.items():
    check(cnt[lv] == n, f"level {lv}: {cnt[lv]} != {n}")
norm = [re.sub(r"\W+", " ", it["text"].lower()).strip() for it in u]
dups = [t for t, c in collections.Counter(norm).items() if c > 1]
check(not dups, f"duplicate texts: {dups}")
nonen = [it for it in u if it["lang"] != "en"]
share_nonen = len(nonen) / len(u)
check(0.20 <= share_nonen <= 0.32, f"non-English share {share_nonen:.2f}")
urg = [it for it in u if it["level"] != "none"]
tp = [it for it in urg if "told by" in it["kind"]]
share_tp = len(tp) / len(urg)
check(0.30 <= share_tp <= 0.42, f"third-party share {share_tp:.2f}")
longs = [it for it in u if len(it["text"]) > 400]
check(len(longs) == 6, f"long messages {len(longs)} != 6")
starts = [it for it in u if it["text"].startswith("/start ")]
check(len(starts) == 5, f"/start messages {len(starts)} != 5")
photos = [it for it in u if it["text"].startswith("[Photo] ")]
check(len(photos) == 6, f"[Photo] messages {len(photos)} != 6")
nonen_none = [it for it in nonen if it["level"] == "none"]
check(len(nonen_none) >= 5, "too few non-English look-alikes")

# danger_answers.yml
check(isinstance(d, list) and len(d) == 40, f"danger count {len(d)} != 40")
for i, it in enumerate(d):
    check(set(it) == {"before", "reply", "expect"}, f"danger[{i}] keys {sorted(it)}")
    check(it["expect"] in ("keep_urgent", "safe"), f"danger[{i}] bad expect")
    check(all(isinstance(it[k], str) and it[k].strip() for k in it), f"danger[{i}] empty field")
dc = collections.Counter(it["expect"] for it in d)
check(dc["keep_urgent"] == 28 and dc["safe"] == 12, f"danger expects {dict(dc)}")
pairs = [(it["before"].lower(), it["reply"].lower()) for it in d]
check(len(set(pairs)) == len(pairs), "duplicate danger pairs")
check(len(set(p[1] for p in pairs)) == len(pairs), "duplicate danger replies")

# forbidden content across both files
alltext = [it["text"] for it in u] + [it["kind"] for it in u] + [it["before"] for it in d] + [it["reply"] for it in d]
for t in alltext:
    check("999" not in t, f"contains 999: {t[:60]}")
    check(not PHONE.search(t), f"looks like phone number: {t[:60]}")

# report
print("# Validation output\n")
print("## urgent.yml: level x language\n")
print("| level | English | non-English | total |")
print("|---|---|---|---|")
for lv in LEVELS:
    en = sum(1 for it in u if it["level"] == lv and it["lang"] == "en")
    ne = sum(1 for it in u if it["level"] == lv and it["lang"] != "en")
    print(f"| {lv} | {en} | {ne} | {en+ne} |")
ten = sum(1 for it in u if it["lang"] == "en")
print(f"| **total** | {ten} | {len(u)-ten} | {len(u)} |")
print()
print("## urgent.yml: other quotas\n")
print("| check | value |")
print("|---|---|")
print(f"| non-English share | {len(nonen)}/{len(u)} = {share_nonen:.1%} |")
print(f"| urgent told by adult/peer about someone else | {len(tp)}/{len(urg)} = {share_tp:.1%} |")
print(f"| messages over 400 chars | {len(longs)} |")
print(f"| starting '/start ' | {len(starts)} |")
print(f"| starting '[Photo] ' | {len(photos)} |")
print(f"| non-English look-alikes (none) | {len(nonen_none)} |")
print(f"| languages | {', '.join(sorted(set(it['lang'] for it in u)))} |")
print()
print("## danger_answers.yml\n")
print("| expect | count |")
print("|---|---|")
for k in ("keep_urgent", "safe"):
    print(f"| {k} | {dc[k]} |")
print()
if errors:
    print("## RESULT: FAILED\n")
    for e in errors:
        print(f"- {e}")
    sys.exit(1)
print("## RESULT: PASSED (counts, keys, quotas, no duplicates, no phone numbers, no '999')")
