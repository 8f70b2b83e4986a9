#!/usr/bin/env python3
"""Mutation fuzz of wave summary files through `paradox merge`: numbers made huge, negative or
fractional, arrays shortened or lengthened, strings and types changed, keys dropped. Reports crashes
(exit other than 0/1, "Fatal error"), raw Swift errors, hangs (> 30 s), messages over 2,000 characters, and mutants
that were accepted (written to /tmp/accepted*.json for review: most are harmless, e.g. 3 → 3.0).

Usage: fuzz-summaries.py PARADOX STUDY SEED.json OTHER.json|- ITERATIONS RANDOM-SEED
  e.g. paradox summarize Codebooks/privacy-paradox.study.yml part.csv --out a.json (and b.json), then
  python3 Tests/Fuzz/fuzz-summaries.py .build/debug/paradox Codebooks/privacy-paradox.study.yml a.json b.json 2000 1
(Issue 16: 2,800 mutants of a bundled-wave summary and of one with every count scaled to ~Int.max
found no crash after the fixes of this branch.)
Since format 5 a summary carries content_sha256, checked after the validation: a mutant the validation
accepts is refused by the hash (the FuzzTests summary target also merges each input sealed with its own
hash, so that accepted mutants are analysed).)
A mutant refused only for its content_sha256 is sealed with the hash the message names and merged
again, as a file crafted on purpose would be, so that what the validation accepts is analysed here too.
Design summaries (a study whose codebook has a design, e.g. Tests/Fixtures/design-study/factor-full
and rowsfpc, seeds in Tests/Fuzz/Corpus/design-summary): numbers also at ±1e200, 1e154 (whose square
overflows), NaN and ±Infinity (not JSON), and a value replaced by the one under the same key elsewhere
in the file (another analysis' cells, origin or population sizes: wrong lengths, other strata), so
with OTHER the first shard, the second's strata no longer match it.)"""
import json, random, re, subprocess, sys, tempfile, os, copy

paradox, study, seed_path, other_path, iterations, seed = sys.argv[1:7]
rng = random.Random(int(seed))
base = json.load(open(seed_path))

def paths(node, prefix=()):
    yield prefix, node
    if isinstance(node, dict):
        for k, v in node.items(): yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node): yield from paths(v, prefix + (i,))

NUMBERS = [-1, -5, 0, 1, 2**63 - 1, 2**63, -2**63, 2**62, 10**30, 1e308, -1e308, 0.5, -0.0, 3.0, 200, 4611686018427387904,
           1e200, -1e200, 1.5e154, 1e-300, float("nan"), float("inf"), float("-inf")]
def mutate(doc):
    for _ in range(rng.randint(1, 3)):
        all_paths = [p for p, _ in paths(doc) if p]
        # Favour the summary's numbers: most paths are deep inside it anyway.
        p = rng.choice(all_paths)
        parent = doc
        for k in p[:-1]:
            parent = parent[k]
        key = p[-1]
        try: value = parent[key]
        except (KeyError, IndexError, TypeError): continue
        op = rng.random()
        same_key = [q for q, _ in paths(doc) if q and q[-1] == key and q != p and not isinstance(key, int)]
        if same_key and op < 0.15:
            other = doc
            for k in rng.choice(same_key): other = other[k]
            parent[key] = copy.deepcopy(other)
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and op < 0.6:
            parent[key] = rng.choice(NUMBERS) if rng.random() < 0.7 else value * rng.choice([-1, 2, 10**12, 1.5])
        elif isinstance(value, list) and op < 0.5:
            if value and rng.random() < 0.5: del value[rng.randrange(len(value))]
            elif value: value.append(copy.deepcopy(rng.choice(value)))
            else: value.append(rng.choice(NUMBERS))
        elif isinstance(value, str) and op < 0.5:
            parent[key] = rng.choice(["", "x" * 500, value + "1", "0 0: 9223372036854775808", "0: -1"])
        elif op < 0.8:
            parent[key] = rng.choice([None, "7", [], {}, True, 1.5, -3])
        else:
            if isinstance(parent, dict): del parent[key]
            else: del parent[key]
    return doc

found = {}
with tempfile.TemporaryDirectory() as tmp:
    for i in range(int(iterations)):
        doc = mutate(copy.deepcopy(base))
        path = os.path.join(tmp, "m.json")
        json.dump(doc, open(path, "w"))
        try:
            for sealing in (False, True):
                r = subprocess.run([paradox, "merge", study] + ([other_path] if other_path != "-" else []) + [path, "--out", os.path.join(tmp, "out")],
                                   capture_output=True, text=True, timeout=30)
                hash = re.search(r"content_sha256 .* \(its hash is ([0-9a-f]{64})\)", r.stderr)
                if sealing or not hash: break
                doc["content_sha256"] = hash.group(1)
                json.dump(doc, open(path, "w"))
        except subprocess.TimeoutExpired:
            print("HANG", i); json.dump(doc, open(f"/tmp/hang{i}.json", "w")); continue
        # A raw Swift or Foundation error (EncodingError, "Error Domain=") is unreadable: a finding too.
        crashed = r.returncode not in (0, 1) or "Fatal error" in r.stderr or re.search(r"(En|De)codingError|Error Domain=", r.stderr)
        if crashed:
            sig = [l for l in r.stderr.splitlines() if "Fatal error" in l or "error" in l.lower()][:1]
            key = sig[0][:160] if sig else str(r.returncode)
            if key not in found:
                found[key] = i
                json.dump(doc, open(f"/tmp/crash{i}.json", "w"))
                print("CRASH", i, r.returncode, key)
        elif r.returncode == 0:
            found.setdefault("accepted", 0)
            found["accepted"] += 1
            json.dump(doc, open(f"/tmp/accepted{i}.json", "w"))
        if len(r.stderr) > 2000: print("LONG MESSAGE", i, len(r.stderr))
print("done", found)
