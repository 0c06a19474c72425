#!/usr/bin/env python3
"""Reload urgent.yml and danger_answers.yml, check structure and quotas, print count tables (markdown)."""
import re, sys, collections, yaml
import make_urgent, make_danger

ok = True
def check(cond, msg):
    global ok
    print(("OK   " if cond else "FAIL ") + msg)
    ok &= bool(cond)

U = yaml.safe_load(open("urgent.yml", encoding="utf-8"))
D = yaml.safe_load(open("danger_answers.yml", encoding="utf-8"))

# ---- urgent.yml ----
check(len(U) == 180, f"urgent: 180 items ({len(U)})")
check(all(set(x) == {"text", "level", "kind", "lang"} for x in U), "urgent: keys exactly text/level/kind/lang")
check(all(isinstance(x[k], str) and x[k].strip() for x in U for k in x), "urgent: non-empty string values")
lv = collections.Counter(x["level"] for x in U)
for k, n in {"emergency": 65, "medical": 30, "crisis": 50, "none": 35}.items():
    check(lv[k] == n, f"urgent: {k} = {n} ({lv[k]})")
check(set(lv) == {"emergency", "medical", "crisis", "none"}, "urgent: no unknown levels")
texts = [x["text"] for x in U]
norm = [re.sub(r"\W+", " ", t.lower()).strip() for t in texts]
check(len(set(norm)) == len(norm), "urgent: no duplicate texts (normalised)")
long_ = [x for x in U if len(x["text"]) > 400]
check(len(long_) >= 6, f"urgent: >=6 long items >400 chars ({len(long_)})")
st = [x for x in U if x["text"].startswith("/start ")]
ph = [x for x in U if x["text"].startswith("[Photo] ")]
check(len(st) >= 3, f"urgent: >=3 '/start ' items ({len(st)})")
check(len(ph) >= 3, f"urgent: >=3 '[Photo] ' items ({len(ph)})")
nonen = [x for x in U if x["lang"] != "en"]
check(0.2 <= len(nonen) / len(U) <= 0.3, f"urgent: ~25% non-English ({len(nonen)}/{len(U)} = {len(nonen)/len(U):.0%})")
for L in ["emergency", "medical", "crisis", "none"]:
    check(any(x["level"] == L for x in nonen), f"urgent: non-English present in {L}")
# teller from generator (not stored in yml); match by text
who = {t: w for (l, w, g, k, t) in make_urgent.ITEMS}
check(set(who) == set(texts), "urgent: generator and yml agree")
urg = [x for x in U if x["level"] != "none"]
ap = [x for x in urg if who[x["text"]] != "self"]
check(0.28 <= len(ap) / len(urg) <= 0.45, f"urgent: ~1/3 of urgent told by adult/peer ({len(ap)}/{len(urg)} = {len(ap)/len(urg):.0%})")

# ---- danger_answers.yml ----
check(len(D) == 40, f"danger: 40 items ({len(D)})")
check(all(set(x) == {"before", "reply", "expect"} for x in D), "danger: keys exactly before/reply/expect")
ex = collections.Counter(x["expect"] for x in D)
check(ex["keep_urgent"] == 28 and ex["safe"] == 12 and len(ex) == 2, f"danger: 28 keep_urgent / 12 safe ({dict(ex)})")
pairs = [(x["before"], x["reply"]) for x in D]
check(len(set(pairs)) == len(pairs), "danger: no duplicate before/reply pairs")
check(len(set(x["reply"] for x in D)) == len(D), "danger: no duplicate replies")
dlang = {(b, r): g for (e, g, b, r) in make_danger.ITEMS}
dn = sum(dlang[p] != "en" for p in pairs)
check(5 <= dn <= 8, f"danger: ~6 non-English ({dn})")

# ---- phone-number hygiene ----
alltext = " ".join(texts + [x["kind"] for x in U] + [x["before"] + " " + x["reply"] for x in D])
check(not re.search(r"\b(0800|0808|116\s?123|116\s?111|111|112|85258)\b", alltext), "no helpline numbers")
check(not re.search(r"\d{3,}[\s-]?\d{3,}", alltext), "no phone-number-like digit runs")
n999 = alltext.count("999")
check(n999 <= 2, f"'999' mentioned at most twice ({n999})")

# ---- tables ----
levels = ["emergency", "medical", "crisis", "none"]
print("\n### urgent.yml: level x English/non-English x teller\n")
print("| level | en self | en adult | en peer | non-en self | non-en adult | non-en peer | total |")
print("|---|---|---|---|---|---|---|---|")
tot = collections.Counter()
for L in levels:
    row = []
    for e in ("en", "xx"):
        for w in ("self", "adult", "peer"):
            n = sum(1 for x in U if x["level"] == L and (x["lang"] == "en") == (e == "en") and who[x["text"]] == w)
            row.append(n); tot[(e, w)] += n
    print(f"| {L} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
print("| **total** | " + " | ".join(str(tot[(e, w)]) for e in ("en", "xx") for w in ("self", "adult", "peer")) + f" | {len(U)} |")

print("\n### urgent.yml: languages x level\n")
langs = collections.Counter(x["lang"] for x in U)
print("| lang | " + " | ".join(levels) + " | total |")
print("|---|---|---|---|---|---|")
for g, n in sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"| {g} | " + " | ".join(str(sum(1 for x in U if x['lang'] == g and x['level'] == L)) for L in levels) + f" | {n} |")

print("\n### urgent.yml: long items (>400 chars)\n")
print("| level | chars | kind |")
print("|---|---|---|")
for x in long_:
    print(f"| {x['level']} | {len(x['text'])} | {x['kind']} |")

print("\n### urgent.yml: Telegram-style items\n")
print("| prefix | level | kind |")
print("|---|---|---|")
for x in st + ph:
    print(f"| {'/start' if x in st else '[Photo]'} | {x['level']} | {x['kind']} |")

print("\n### danger_answers.yml: expect x language\n")
dl = collections.Counter((x["expect"], dlang[(x["before"], x["reply"])]) for x in D)
gl = sorted({g for (_, g) in dl})
print("| expect | " + " | ".join(gl) + " | total |")
print("|---|" + "---|" * (len(gl) + 1))
for e in ("keep_urgent", "safe"):
    print(f"| {e} | " + " | ".join(str(dl[(e, g)]) for g in gl) + f" | {ex[e]} |")

print("\nALL CHECKS PASSED" if ok else "\nSOME CHECKS FAILED")
sys.exit(0 if ok else 1)
