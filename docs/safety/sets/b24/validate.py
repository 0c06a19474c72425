#!/usr/bin/env python3
"""Validate urgent.yml and danger_answers.yml for set b24; print markdown tables."""
import os, re, sys, unicodedata, collections, yaml
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import gen  # teller lives only in the generator

ok = True
def check(cond, msg):
    global ok
    print(f"- [{'x' if cond else ' '}] {msg}")
    ok &= bool(cond)

U = yaml.safe_load(open(os.path.join(here, "urgent.yml"), encoding="utf-8"))
D = yaml.safe_load(open(os.path.join(here, "danger_answers.yml"), encoding="utf-8"))
EN = {"en"}          # English incl. MLE written in English spelling
CREOLE = {"jam", "pcm"}
def non_en(lang): return lang not in EN

print("## Checks\n")
check(isinstance(U, list) and len(U) == 180, f"urgent.yml has 180 items (got {len(U)})")
check(all(list(i.keys()) == ["text", "level", "kind", "lang"] for i in U), "urgent keys exactly text, level, kind, lang")
check(all(isinstance(i[k], str) and i[k].strip() for i in U for k in i), "all urgent values non-empty strings")
want = {"emergency": 65, "medical": 30, "crisis": 50, "none": 35}
cnt = collections.Counter(i["level"] for i in U)
check(dict(cnt) == want, f"level counts {dict(cnt)} == {want}")
def norm(t):
    t = unicodedata.normalize("NFKC", t).casefold()
    return re.sub(r"[\W_]+", "", t)
allnorm = [norm(i["text"]) for i in U] + [norm(d["reply"]) for d in D]
dups = [t for t, c in collections.Counter(norm(i["text"]) for i in U).items() if c > 1]
check(not dups, f"no duplicate urgent texts (normalised) ({len(dups)} dups)")
ne = sum(non_en(i["lang"]) for i in U)
ne_strict = sum(non_en(i["lang"]) and i["lang"] not in CREOLE for i in U)
check(0.20 <= ne / len(U) <= 0.30, f"non-English share {ne}/{len(U)} = {ne/len(U):.1%} (20-30%); excluding jam/pcm {ne_strict} = {ne_strict/len(U):.1%}")
for lvl in want:
    n = sum(non_en(i["lang"]) for i in U if i["level"] == lvl)
    check(n > 0, f"non-English present in {lvl} ({n})")
longs = [i for i in U if len(i["text"]) > 400 and i["level"] != "none"]
check(len(longs) >= 6, f">=6 urgent messages over 400 chars ({len(longs)})")
check(sum(i["text"].startswith("/start ") for i in U) >= 3, f">=3 '/start ' items ({sum(i['text'].startswith('/start ') for i in U)})")
check(sum(i["text"].startswith("[Photo] ") for i in U) >= 3, f">=3 '[Photo] ' items ({sum(i['text'].startswith('[Photo] ') for i in U)})")
# tellers from generator
tell = {norm(it["text"]): it["teller"] for it in gen.ITEMS}
check(all(norm(i["text"]) in tell for i in U), "every YAML item matched to generator teller")
urg = [i for i in U if i["level"] != "none"]
third = sum(tell[norm(i["text"])] != "self" for i in urg)
check(0.27 <= third / len(urg) <= 0.40, f"adult/other tellers in urgent levels {third}/{len(urg)} = {third/len(urg):.1%} (about a third)")
# danger answers
check(isinstance(D, list) and len(D) == 40, f"danger_answers.yml has 40 items (got {len(D)})")
check(all(list(d.keys()) == ["before", "reply", "expect"] for d in D), "danger keys exactly before, reply, expect")
check(all(isinstance(d[k], str) and d[k].strip() for d in D for k in d), "all danger values non-empty strings")
ec = collections.Counter(d["expect"] for d in D)
check(dict(ec) == {"keep_urgent": 28, "safe": 12}, f"expect counts {dict(ec)} == keep_urgent 28 / safe 12")
dd = [t for t, c in collections.Counter(norm(d["reply"]) for d in D).items() if c > 1]
check(not dd, f"no duplicate danger replies (normalised) ({len(dd)} dups)")
# phone numbers / 999
raw = open(os.path.join(here, "urgent.yml"), encoding="utf-8").read() + open(os.path.join(here, "danger_answers.yml"), encoding="utf-8").read()
phone = re.findall(r"(?:\+?\d[\d \-]{4,}\d)", raw)
phone = [p for p in phone if len(re.sub(r"\D", "", p)) >= 5]
short = re.findall(r"\b(?:116|111|0800|0808|0300|85258|112)\b", raw)
check(not phone and not short, f"no phone-number-like strings (found {phone + short})")
n999 = raw.count("999")
check(n999 <= 2, f"'999' appears {n999} time(s) (max 2)")

print("\n## Level x language x teller (urgent.yml)\n")
print("| level | English self | English adult | English other | non-English self | non-English adult | non-English other | total |")
print("|---|---|---|---|---|---|---|---|")
tot = collections.Counter()
for lvl in want:
    row = []
    for lg in (False, True):
        for t in ("self", "adult", "other"):
            n = sum(1 for i in U if i["level"] == lvl and non_en(i["lang"]) == lg and tell[norm(i["text"])] == t)
            row.append(n); tot[(lg, t)] += n
    print(f"| {lvl} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
print("| **total** | " + " | ".join(str(tot[(lg, t)]) for lg in (False, True) for t in ("self", "adult", "other")) + f" | {len(U)} |")

print("\n## Languages\n")
print("| lang | emergency | medical | crisis | none | total |")
print("|---|---|---|---|---|---|")
for lg, n in sorted(collections.Counter(i["lang"] for i in U).items(), key=lambda x: (-x[1], x[0])):
    print(f"| {lg} | " + " | ".join(str(sum(1 for i in U if i['lang'] == lg and i['level'] == l)) for l in want) + f" | {n} |")

print("\n## danger_answers.yml\n")
print("| expect | count |\n|---|---|")
for k, v in ec.items(): print(f"| {k} | {v} |")
print(f"\n**Result: {'ALL CHECKS PASSED' if ok else 'SOME CHECKS FAILED'}**")
sys.exit(0 if ok else 1)
