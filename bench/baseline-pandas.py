"""The data scientist's baseline: pandas from raw PDL files to hires by cohort, year and band,
the same direct definitions as bench/baseline-sql.ts (cohort companies by lower-cased name or
alias, interns by title keywords, dedupe by id only, no quarantine: unreadable lines skipped).

usage: python3 bench/baseline-pandas.py COHORTS.json FILE... > rows.json
COHORTS.json: [[name_lower, cohort], ...]. Prints [{cohort, year, band, hires}] and, on stderr,
the seconds it took.
"""
import json, re, sys, time
import pandas as pd

t0 = time.time()
names = pd.DataFrame(json.load(open(sys.argv[1])), columns=["company", "cohort"])
# only the fields the definitions read, one row per profile (whole profiles of 2M people would
# not fit in memory as Python objects)
def job(e):
    e = e or {}
    return (((e.get("title") or {}).get("name") or "").lower(), (e.get("company") or {}).get("name") or "", e.get("start_date"), e.get("end_date"))

def school(g):
    g = g or {}
    return (g.get("start_date"), g.get("end_date"))

people = []
for f in sys.argv[2:]:
    with open(f, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                p = json.loads(line)
            except ValueError:
                continue
            if isinstance(p, dict):
                exp, edu = p.get("experience"), p.get("education")
                people.append((p.get("id"), p.get("job_last_updated"),
                               [job(e) for e in exp] if isinstance(exp, list) else None,
                               [school(g) for g in edu] if isinstance(edu, list) else None))
p = pd.DataFrame(people, columns=["id", "job_last_updated", "experience", "education"])
del people
p = p.sort_values("job_last_updated", ascending=False, na_position="last").drop_duplicates("id")

def month(d):
    if not isinstance(d, str) or len(d) < 4 or not d[:4].isdigit():
        return None
    if len(d) == 4:
        return int(d) * 12 + 6
    try:
        return int(d[:4]) * 12 + int(d[5:7]) - 1
    except ValueError:
        return None

suffix = re.compile(r"(,)?\s+(inc\.?|llc|ltd\.?|corp\.?|corporation)$", re.I)
skip = re.compile(r"intern|co-op|volunteer|board member|advisor")
rows = []
for pid, asof, exp in zip(p["id"], p["job_last_updated"], p["experience"]):
    if not isinstance(exp, list):
        continue
    a = month(asof)
    for i, (title, name, start, end) in enumerate(exp):
        s = month(start)
        if skip.search(title) or s is None:
            continue
        en = month(end)
        rows.append((pid, i, suffix.sub("", name).strip().lower(), s, en if en is not None else a))
ft = pd.DataFrame(rows, columns=["id", "i", "company", "s", "en"]).sort_values(["id", "company", "s", "i"])
ft["prev"] = ft.groupby(["id", "company"])["en"].cummax()
ft["prev"] = ft.groupby(["id", "company"])["prev"].shift(1)
hires = ft[ft["prev"].isna() | (ft["s"] - ft["prev"] >= 3)]

grads = []
for pid, edu in zip(p["id"], p["education"]):
    for start, end in edu if isinstance(edu, list) else []:
        m = month(end)
        if m is None:
            st = month(start)
            m = st + 48 if st is not None else None
        if m is not None:
            grads.append((pid, m))
grads = pd.DataFrame(grads, columns=["id", "g"])

h = hires[["id", "i", "company", "s"]].reset_index(drop=True)
h["k"] = h.index
hg = h.merge(grads, on="id", how="left")
hg = hg[hg["g"].isna() | (hg["g"] <= hg["s"])].groupby("k")["g"].max()
h["g"] = h["k"].map(hg)
x = h.merge(ft[["id", "s", "en"]].rename(columns={"s": "fs", "en": "fe"}), on="id")
x = x[x["fs"] < x["s"]]
x["e"] = (x[["fe", "s"]].min(axis=1) - x[["fs", "g"]].max(axis=1).where(x["g"].notna(), x["fs"])).clip(lower=0)
e = x.groupby("k")["e"].sum()
h["e"] = h["k"].map(e).fillna(0)
h["year"] = h["s"] // 12
h["band"] = pd.cut(h["e"], [-1, 11.5, 23.5, 71.5, 131.5, 1e9], labels=["<1", "1", "2-5", "6-10", "11+"]).astype(str)
h = h.merge(names, on="company", how="left")
h["cohort"] = h["cohort"].fillna("other")
out = h.groupby(["cohort", "year", "band"]).size().reset_index(name="hires")
json.dump([{"cohort": c, "year": int(y), "band": b, "hires": int(n)} for c, y, b, n in out.itertuples(index=False)], sys.stdout)
print(f"{time.time() - t0:.2f}", file=sys.stderr)
