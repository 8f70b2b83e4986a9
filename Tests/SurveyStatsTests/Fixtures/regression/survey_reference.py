# Reference values for OneWayANOVATests from survey_reference.csv that R lacks: the Brown-Forsythe
# F* test of means (statsmodels) and Games-Howell SE/df/p (pingouin).
# Run: python3 survey_reference.py > survey_reference_py.txt
import numpy as np, pandas as pd, pingouin, scipy, statsmodels
from statsmodels.stats.oneway import anova_oneway
d = pd.read_csv("survey_reference.csv").dropna(subset=["y", "age"])
order = ["18-29", "30-44", "45-59", "60+"]
print(f"# statsmodels {statsmodels.__version__} pingouin {pingouin.__version__} scipy {scipy.__version__}")
r = anova_oneway([d.y[d.age == g].to_numpy() for g in order], use_var="bf", welch_correction=False)
print("bf_means.statistic", repr(float(r.statistic))); print("bf_means.df_residual", repr(float(r.df[1])))
# statsmodels' p uses Mehrotra's (1997) modified numerator df; Paradox reports the original
# Brown-Forsythe test (df = k - 1, as SPSS does), so its p is scipy's F upper tail on (k - 1, df2).
from scipy import stats
print("bf_means.p_value", repr(float(stats.f.sf(r.statistic, len(order) - 1, r.df[1]))))
gh = pingouin.pairwise_gameshowell(data=d, dv="y", between="age")
for _, row in gh.iterrows():
    a, b = row["A"], row["B"]
    print(f"pg_gh.{b}-{a}.se", repr(float(row["se"]))); print(f"pg_gh.{b}-{a}.df", repr(float(row["df"])))
