"""Build c23-conversations.yml from convs_yp.py and convs_adult.py, then validate."""
import yaml
from convs_yp import YP
from convs_adult import ADULT
import validate
from index_meta import INDEX

KEYS = ["id", "who", "situation", "turns", "fitting_routes", "must_not"]

def main():
    items = [{k: c[k] for k in KEYS} for c in YP + ADULT]
    with open("c23-conversations.yml", "w", encoding="utf-8") as f:
        yaml.safe_dump(items, f, allow_unicode=True, sort_keys=False, width=100)
    rows = ["| id | age / who | borough | theme | urgency |", "|---|---|---|---|---|"]
    for c in items:
        a, b, t, u = INDEX[c["id"]]
        rows.append(f"| {c['id']} | {a} | {b} | {t} | {u} |")
    with open("index_table.md", "w", encoding="utf-8") as f:
        f.write("# c23 index\n\n" + "\n".join(rows) + "\n")
    validate.main("c23-conversations.yml")

if __name__ == "__main__":
    main()
