#!/usr/bin/env python3
"""Builds synonyms.txt from WordNet 3.0 (Debian package `wordnet-base`, /usr/share/wordnet).

Only what a paraphrase needs, kept small and precise:
- each single-word, lowercase lemma keeps only its most frequent sense (the first synset in
  the index, ordered by tagged frequency): rare senses are what make WordNet synonyms noisy
  ("man" = "valet");
- a group is a synset whose members share that sense; its direct hypernym is recorded for the
  "murdered ~ killed", "surgeon ~ doctor" direction (never sibling to sibling);
- irregular forms (verb.exc, noun.exc) are listed as words of their own.
Output lines: `word<TAB>groups<TAB>hypernym groups` (comma-separated numbers, either may be
empty). Usage: python3 synonyms.py /usr/share/wordnet > synonyms.txt
With `--common` after the folder, it prints instead the 150 most frequent lemmas of WordNet's
tagged corpus (common-words.txt).
"""
import collections
import os
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def main(root):
    senses = collections.defaultdict(list)  # word -> [(pos, offset)]
    for name, p in POS.items():
        for line in open(os.path.join(root, "index." + name), encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split()
            lemma, synset_cnt, p_cnt = f[0], int(f[2]), int(f[3])
            offsets = f[6 + p_cnt:6 + p_cnt + synset_cnt]
            if not lemma.isalpha() or not lemma.islower() or len(lemma) < 3:
                continue
            senses[lemma] += [(p, o) for o in offsets[:1]]
    members = collections.defaultdict(set)  # synset -> words having it as a kept sense
    for w, ss in senses.items():
        for s in ss:
            members[s].add(w)
    hyper = {}
    for name, p in POS.items():
        for line in open(os.path.join(root, "data." + name), encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split(" ")
            off, w_cnt = f[0], int(f[3], 16)
            i = 4 + 2 * w_cnt
            p_cnt = int(f[i])
            for k in range(p_cnt):
                sym, target, tpos = f[i + 1 + 4 * k], f[i + 2 + 4 * k], f[i + 3 + 4 * k]
                if sym in ("@", "@i") and (p, off) not in hyper:
                    hyper[(p, off)] = (tpos.replace("s", "a"), target)
    # Keep groups that link at least two words (a synonym group) or are someone's hypernym.
    useful = {s for s, ws in members.items() if len(ws) >= 2}
    for w, ss in senses.items():
        for s in ss:
            h = hyper.get(s)
            if h in members:
                useful.add(h)
    ids = {s: i for i, s in enumerate(sorted(useful))}
    forms = collections.defaultdict(set)
    for name in POS:
        path = os.path.join(root, name + ".exc")
        for line in open(path, encoding="latin-1"):
            f = line.split()
            if len(f) >= 2 and f[0].isalpha() and f[1] in senses:
                forms[f[0]].add(f[1])
    out = []
    words = set(senses) | set(forms)
    for w in sorted(words):
        base = [w] if w in senses else []
        base += sorted(forms.get(w, ()))
        g, h = set(), set()
        for b in base:
            for s in senses.get(b, ()):
                if s in ids:
                    g.add(ids[s])
                hs = hyper.get(s)
                if hs in ids:
                    h.add(ids[hs])
        if g or h:
            out.append(f"{w}\t{','.join(map(str, sorted(g)))}\t{','.join(map(str, sorted(h)))}")
    sys.stdout.write("\n".join(out) + "\n")




def common(root, n=150):
    """The n most frequent lemmas of the tagged corpus (cntlist.rev): words every report uses
    ("expect", "time", "show"), which the paraphrase scorer weighs down."""
    c = collections.Counter()
    for line in open(os.path.join(root, "cntlist.rev"), encoding="latin-1"):
        key, _, cnt = line.split()
        lemma = key.split("%")[0]
        if lemma.isalpha():
            c[lemma] += int(cnt)
    return [w for w, _ in c.most_common(n)]


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--common":
        sys.stdout.write("\n".join(common(sys.argv[1])) + "\n")
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
