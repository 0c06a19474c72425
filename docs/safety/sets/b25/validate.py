"""Validate urgent.yml and danger_answers.yml; print markdown tables."""
import re, sys, unicodedata
from collections import Counter
import yaml
import gen_urgent, gen_danger

errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    t = re.sub(r"^(/start|\[photo\])\s+", "", t)
    return re.sub(r"[\W_]+", " ", t).strip()

U = yaml.safe_load(open("urgent.yml", encoding="utf-8"))
D = yaml.safe_load(open("danger_answers.yml", encoding="utf-8"))

# urgent.yml
check(isinstance(U, list) and len(U) == 180, f"urgent count {len(U)}")
for i, it in enumerate(U):
    check(list(it.keys()) == ["text", "level", "kind", "lang"], f"urgent keys #{i}")
    check(all(isinstance(v, str) and v.strip() for v in it.values()), f"urgent empty #{i}")
lv = Counter(it["level"] for it in U)
want = {"emergency": 65, "medical": 30, "crisis": 50, "none": 35}
check(dict(lv) == want, f"level counts {dict(lv)}")
CREOLE = {"en", "jam", "pcm"}
foreign = [it for it in U if it["lang"] not in CREOLE]
nonen = [it for it in U if it["lang"] != "en"]
share_foreign = len(foreign) / len(U)
share_nonen = len(nonen) / len(U)
check(0.20 <= share_foreign <= 0.30, f"foreign share {share_foreign:.3f}")
check(0.20 <= share_nonen <= 0.30, f"non-en share {share_nonen:.3f}")
for l in want:
    check(any(it["level"] == l and it["lang"] not in CREOLE for it in U), f"no foreign in {l}")
n_long = sum(len(it["text"]) > 400 for it in U)
n_start = sum(it["text"].startswith("/start ") for it in U)
n_photo = sum(it["text"].startswith("[Photo] ") for it in U)
check(n_long >= 6, f"long {n_long}"); check(n_start >= 3, f"start {n_start}"); check(n_photo >= 3, f"photo {n_photo}")
urgent_items = [it for it in U if it["level"] != "none"]
others = sum(gen_urgent.TELLER[it["text"]] != "young person" for it in urgent_items)
share_others = others / len(urgent_items)
check(0.25 <= share_others <= 0.42, f"adult/peer share of urgent {share_others:.3f}")

# danger_answers.yml
check(isinstance(D, list) and len(D) == 40, f"danger count {len(D)}")
for i, it in enumerate(D):
    check(list(it.keys()) == ["before", "reply", "expect"], f"danger keys #{i}")
    check(all(isinstance(v, str) and v.strip() for v in it.values()), f"danger empty #{i}")
ex = Counter(it["expect"] for it in D)
check(dict(ex) == {"keep_urgent": 28, "safe": 12}, f"expect counts {dict(ex)}")

# duplicates
texts = [it["text"] for it in U] + [it["reply"] for it in D]
nt = Counter(norm(t) for t in texts)
dups = [t for t, c in nt.items() if c > 1]
check(not dups, f"duplicates {dups}")
nb = Counter(norm(it["before"]) for it in D)
check(all(c == 1 for c in nb.values()), "duplicate befores")

# phone numbers and 999
raw = open("urgent.yml", encoding="utf-8").read() + open("danger_answers.yml", encoding="utf-8").read()
phone = re.findall(r"(?:\+?\d[\s\-]?){5,}", raw)
check(not phone, f"phone-like digit runs {phone}")
for tok in ("116", "0800", "0808", "111", "123"):
    check(not re.search(r"(?<!\d)" + tok + r"(?!\d)", raw), f"helpline-like token {tok}")
n999 = raw.count("999")
check(n999 <= 2, f"999 count {n999}")

# tables
print("## urgent.yml: level x language x teller\n")
tellers = ["young person", "adult", "peer/sibling"]
print("| level | lang | " + " | ".join(tellers) + " | total |")
print("|---|---|" + "---|" * (len(tellers) + 1))
for l in want:
    for grp, test in (("English", lambda g: g == "en"), ("non-English", lambda g: g != "en")):
        rows = [it for it in U if it["level"] == l and test(it["lang"])]
        c = Counter(gen_urgent.TELLER[it["text"]] for it in rows)
        print(f"| {l} | {grp} | " + " | ".join(str(c[t]) for t in tellers) + f" | {len(rows)} |")
print(f"\n- items: {len(U)}; non-English (lang != en): {len(nonen)} ({share_nonen:.1%}); "
      f"excluding jam/pcm: {len(foreign)} ({share_foreign:.1%}); languages: {len(set(it['lang'] for it in U))}")
print(f"- adult or peer/sibling tellers among urgent items: {others}/{len(urgent_items)} ({share_others:.1%})")
print(f"- long (>400 chars): {n_long}; '/start ': {n_start}; '[Photo] ': {n_photo}; '999' occurrences: {n999}")
print("\n## danger_answers.yml: expect x language\n")
lang_of = {r[1]: r[3] for r in gen_danger.ROWS}
teller_of = {r[1]: r[4] for r in gen_danger.ROWS}
print("| expect | English | non-English | adult/peer teller | total |")
print("|---|---|---|---|---|")
for e in ("keep_urgent", "safe"):
    rows = [it for it in D if it["expect"] == e]
    en = sum(lang_of[it["reply"]] == "en" for it in rows)
    ot = sum(teller_of[it["reply"]] != "young person" for it in rows)
    print(f"| {e} | {en} | {len(rows) - en} | {ot} | {len(rows)} |")
print()
if errors:
    print("FAIL"); [print(" -", e) for e in errors]; sys.exit(1)
print("PASS: all checks ok")
