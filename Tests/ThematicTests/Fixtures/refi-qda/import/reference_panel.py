"""Per-theme Fleiss' κ and Krippendorff's α of the two users of nvivo-style.qdpx, and Cohen's κ of
the automatic coding against Ana (scikit-learn), over the paragraph segments mini-002, -003, -005.

The codings are read off the fixture by the overlap rule (a selection codes every segment it shares
a character with; a sub-theme counts for its parent): Ana codes 002 consent (so communication),
003 ethics, 005 trust; Ben codes the whole source communication and 002-003 ethics. The automatic
coding (paradox code mini.txt --codebook mini.yml --unit paragraph) is 002 communication+consent,
003 ethics, 005 communication+trust.

Python 3.11.7, statsmodels 0.15.0, krippendorff 0.9.0, scikit-learn 1.9.1, numpy 2.4.6.
Output saved in reference-panel.txt.
"""
import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

themes = ["communication", "consent", "ethics", "trust"]
ana = {"communication": [1, 0, 0], "consent": [1, 0, 0], "ethics": [0, 1, 0], "trust": [0, 0, 1]}
ben = {"communication": [1, 1, 1], "consent": [0, 0, 0], "ethics": [1, 1, 0], "trust": [0, 0, 0]}
automatic = {"communication": [1, 0, 1], "consent": [1, 0, 0], "ethics": [0, 1, 0], "trust": [0, 0, 1]}
for theme in themes:
    table = np.array([ana[theme], ben[theme]]).T
    fleiss = fleiss_kappa(aggregate_raters(table, n_cat=2)[0], method="fleiss")
    alpha = krippendorff.alpha(reliability_data=table.T, level_of_measurement="nominal") if len(set(table.flat)) > 1 else float("nan")
    print(f"{theme} fleiss={fleiss!r} alpha={alpha!r} cohen_auto_vs_ana={cohen_kappa_score(automatic[theme], ana[theme])!r}")
