"""Reference values for the k-anonymity fixture (Tests/Fixtures/k-anonymity/wave.csv), with pycanon.

Run: python kanonymity.py > reference.txt  (pycanon 1.3.6, pandas as pinned by it; see reference.txt).
A blank cell is a value of its own in Paradox (what the data show of that respondent); pandas'
groupby, which pycanon uses, would drop such rows, so blanks are filled with "(missing)" first.
"""
import sys
import pandas as pd
import pycanon
from importlib.metadata import version
from pycanon import anonymity
from pycanon.anonymity.utils import aux_anonymity

# (quasi-identifiers, k): study.yml's, and a coarser pair whose smallest class is above 1.
CONFIGURATIONS = [(["age_group", "gender", "income", "region"], 5), (["age_group", "income"], 12)]

data = pd.read_csv("wave.csv", dtype=str, keep_default_na=False)
print(f"# pycanon {version('pycanon')}, pandas {pd.__version__}, Python {sys.version.split()[0]}")
for quasi_identifiers, k in CONFIGURATIONS:
    qi = data[quasi_identifiers].replace("", "(missing)")
    classes = [len(c) for c in aux_anonymity.get_equiv_class(qi, quasi_identifiers)]
    below = [size for size in classes if size < k]
    print(f"quasi_identifiers {', '.join(quasi_identifiers)}; k {k}; respondents {len(qi)}; classes {len(classes)}; "
          f"smallest_class {anonymity.k_anonymity(qi, quasi_identifiers)}; classes_below_k {len(below)}; respondents_below_k {sum(below)}")
