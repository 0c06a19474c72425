"""Reload urgent.yml and danger_answers.yml and check them. Teller comes from gen_urgent.py only."""
import re, sys, unicodedata, yaml
from collections import Counter
import gen_urgent

errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())

U = yaml.safe_load(open("urgent.yml", encoding="utf-8"))
D = yaml.safe_load(open("danger_answers.yml", encoding="utf-8"))

# urgent.yml
check(isinstance(U, list) and len(U) == 180, f"urgent count {len(U)} != 180")
for i, it in enumerate(U):
    check(list(it.keys()) == ["text", "level", "kind", "lang"], f"urgent[{i}] keys {list(it.keys())}")
    for k in ("text", "level", "kind", "lang"):
        check(isinstance(it.get(k), str) and it[k].strip() != "", f"urgent[{i}] empty {k}")
    check(re.fullmatch(r"[a-z]{2,3}", it.get("lang", "")) is not None, f"urgent[{i}] lang not short code")
lv = Counter(it["level"] for it in U)
want = {"emergency": 65, "medical": 30, "crisis": 50, "none": 35}
check(dict(lv) == want, f"level counts {dict(lv)} != {want}")
nu = [norm(it["text"]) for it in U]
dup = [t for t, c in Counter(nu).items() if c > 1]
check(not dup, f"urgent duplicates: {dup}")
nonen = [it for it in U if it["lang"] != "en"]
share = len(nonen) / len(U)
check(0.20 <= share <= 0.30, f"non-English share {share:.2%}")
for l in want:
    check(any(it["level"] == l for it in nonen), f"no non-English in {l}")
langs = Counter(it["lang"] for it in U)
check(len(langs) >= 10, f"only {len(langs)} languages")
longn = sum(len(it["text"]) > 400 for it in U)
check(longn >= 6, f"long messages {longn} < 6")
startn = sum(it["text"].startswith("/start ") for it in U)
check(startn >= 3, f"/start items {startn} < 3")
photon = sum(it["text"].startswith("[Photo] ") for it in U)
check(photon >= 3, f"[Photo] items {photon} < 3")

# teller from generator
teller = gen_urgent.TELLER
missing = [it["text"][:40] for it in U if it["text"] not in teller]
check(not missing, f"texts without teller: {missing[:3]}")
urg = [it for it in U if it["level"] != "none"]
other = sum(teller.get(it["text"]) != "self" for it in urg)
oshare = other / len(urg)
check(0.28 <= oshare <= 0.40, f"adult/peer share of urgent {oshare:.2%}")

# danger_answers.yml
check(isinstance(D, list) and len(D) == 40, f"danger count {len(D)} != 40")
for i, it in enumerate(D):
    check(list(it.keys()) == ["before", "reply", "expect"], f"danger[{i}] keys {list(it.keys())}")
    for k in ("before", "reply", "expect"):
        check(isinstance(it.get(k), str) and it[k].strip() != "", f"danger[{i}] empty {k}")
ex = Counter(it["expect"] for it in D)
check(dict(ex) == {"keep_urgent": 28, "safe": 12}, f"expect counts {dict(ex)}")
nd = [norm(it["before"] + " || " + it["reply"]) for it in D]
check(len(set(nd)) == len(nd), "danger duplicates (before+reply)")
nr = Counter(norm(it["reply"]) for it in D)
check(all(c == 1 for c in nr.values()), f"duplicate replies: {[r for r, c in nr.items() if c > 1]}")

# phone numbers and 999
alltext = open("urgent.yml", encoding="utf-8").read() + open("danger_answers.yml", encoding="utf-8").read()
phone = re.findall(r"(?:\+?\d[\s\-]?){5,}", alltext)
check(not phone, f"possible phone numbers: {phone}")
known = re.findall(r"\b(116\s?123|0800\s?1111|85258|111|112|101)\b", alltext)
check(not known, f"helpline-like numbers: {known}")
n999 = alltext.count("999")
check(n999 <= 2, f"'999' appears {n999} times")

# report
print("## urgent.yml: level x English/non-English x teller\n")
print("| level | en/self | en/adult | en/peer | non-en/self | non-en/adult | non-en/peer | total |")
print("|---|---|---|---|---|---|---|---|")
for l in want:
    row = []
    for e in ("en", "non"):
        for t in ("self", "adult", "peer"):
            row.append(sum(1 for it in U if it["level"] == l and (it["lang"] == "en") == (e == "en") and teller.get(it["text"]) == t))
    print(f"| {l} | " + " | ".join(map(str, row)) + f" | {lv[l]} |")
print(f"\nnon-English share: {share:.1%} ({len(nonen)}/180); languages: {len(langs)} -> " +
      ", ".join(f"{k} {v}" for k, v in langs.most_common()))
print(f"adult/peer tellers among urgent (non-none): {other}/{len(urg)} = {oshare:.1%}")
print(f"long >400 chars: {longn}; '/start ': {startn}; '[Photo] ': {photon}; '999' occurrences: {n999}")
print(f"\n## danger_answers.yml\n\n| expect | count |\n|---|---|")
for k, v in ex.items():
    print(f"| {k} | {v} |")
print()
if errors:
    print("FAIL")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("PASS: all checks OK")
