"""Build c24-conversations.yml and index_table.md from convs_yp.py and convs_adult.py."""
import yaml
from convs_yp import YP
from convs_adult import ADULT

KEYS = ["id", "who", "situation", "turns", "fitting_routes", "must_not"]


def main():
    items = YP + ADULT
    out = [{k: it[k] for k in KEYS} for it in items]
    with open("c24-conversations.yml", "w", encoding="utf-8") as f:
        yaml.safe_dump(out, f, allow_unicode=True, sort_keys=False, width=100)
    lines = ["# c24 index", "", "| id | age/who | borough | theme | urgency |", "|---|---|---|---|---|"]
    for it in items:
        m = it["_meta"]
        lines.append(f"| {it['id']} | {m['age']} | {m['borough'] or 'not given'} | {m['theme']} | {m['urgency']} |")
    with open("index_table.md", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(out)} conversations")


if __name__ == "__main__":
    main()
