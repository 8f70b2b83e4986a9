"""Cross-check of the Feldt CI of Cronbach's alpha with pingouin and scipy (ReliabilityTests).

Run from this directory: python3 expected.py > expected_py.txt
pingouin.cronbach_alpha rounds its CI to 3 decimals and takes n before listwise deletion, so it is
called on the complete cases; the full-precision bounds are its formula evaluated with scipy:
lower = 1 - (1 - alpha) * f.isf(0.025, n - 1, (n - 1)(k - 1)),
upper = 1 - (1 - alpha) * f.isf(0.975, n - 1, (n - 1)(k - 1)).
"""
import pandas as pd
import pingouin
import scipy
from scipy.stats import f

d = pd.read_csv("likert.csv")
items = d[["q1", "q2", "q3", "q4", "q5"]].copy()
items["q3"] = 6 - items["q3"]
complete = items.dropna()
n, k = complete.shape
alpha, ci = pingouin.cronbach_alpha(complete)
print("pandas", pd.__version__, "pingouin", pingouin.__version__, "scipy", scipy.__version__)
print("n k", n, k)
print("pingouin.cronbach_alpha(complete) alpha", repr(alpha), "ci", list(ci))
df1, df2 = n - 1, (n - 1) * (k - 1)
print("feldt lower", repr(1 - (1 - alpha) * f.isf(0.025, df1, df2)))
print("feldt upper", repr(1 - (1 - alpha) * f.isf(0.975, df1, df2)))
