#!/usr/bin/env python3
"""List the errors behind score.py's figures, with the sentences that caused them.

Usage: errors.py --gold DIR --claims CLAIMS.json [--only ID]

Matches exactly as score.py does (same normalisation and one-to-one pairing), then
prints per article:
  missed  gold claim, and the closest extracted claim of the article (any relation or
          subject) with its score, so a wrong relation or subject shows as such;
  extra   extracted claim that matched nothing, with the rule and the evidence sentence.
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--claims", required=True)
    ap.add_argument("--only", default=None, help="gold id, e.g. seed003")
    args = ap.parse_args()
    files = sorted(os.path.join(args.gold, f) for f in os.listdir(args.gold) if f.endswith((".yaml", ".yml"))) \
        if os.path.isdir(args.gold) else [args.gold]
    with open(args.claims, encoding="utf-8") as f:
        claims = json.load(f)
    for c in claims:
        c["relation"] = score.FOLD.get(c.get("relation"), c.get("relation"))
    for gf in files:
        g = score.load_yaml(gf)
        if args.only and g["id"] != args.only:
            continue
        prefix = str(g.get("match"))
        mine = [c for c in claims if c.get("relation") in score.RELATIONS and any(
            os.path.basename(e.get("source") or "").startswith(prefix) for e in c.get("evidence") or [])]
        gold = [c for c in g.get("claims") or [] if c.get("relation") in score.RELATIONS]
        pairs = []
        for i, gc in enumerate(gold):
            for j, pc in enumerate(mine):
                if gc["relation"] != pc["relation"]:
                    continue
                cs = score.best_name_score(gc["condition"], pc["subject"])
                os_ = score.best_name_score(gc["object"], pc["object"])
                if cs >= 0.5 and os_ >= 0.5:
                    pairs.append((cs + os_, i, j))
        pairs.sort(reverse=True)
        ug, up = set(), set()
        for _, i, j in pairs:
            if i not in ug and j not in up:
                ug.add(i)
                up.add(j)
        print(f"== {g['id']}: gold {len(gold)} extracted {len(mine)} matched {len(ug)}")
        for i, gc in enumerate(gold):
            if i in ug:
                continue
            near = max(((score.best_name_score(gc["object"], pc["object"]), pc) for pc in mine),
                       key=lambda t: t[0], default=(0, None))
            hint = ""
            if near[1] is not None and near[0] > 0:
                pc = near[1]
                hint = f"   ~ {near[0]:.2f} {pc['subject']['name']} / {pc['relation']} / {pc['object']['name']}"
            print(f"  missed: {gc['condition']} / {gc['relation']} / {gc['object']}{hint}")
        for j, pc in enumerate(mine):
            if j in up:
                continue
            ev = next(e for e in pc["evidence"] if os.path.basename(e["source"]).startswith(prefix))
            print(f"  extra:  {pc['subject']['name']} / {pc['relation']} / {pc['object']['name']}"
                  f"  [{ev.get('line')} {ev.get('rule')}] {ev['text'][:140]}")


if __name__ == "__main__":
    main()
