"""Writes a synthetic human-coded corpus and the scikit-learn reference for learned coding.

Python 3.11.7, scikit-learn 1.9.1, numpy 2.4.6. Run from this folder: python3 make_learned_fixture.py
> reference.txt. Writes answers.csv (id,text; 60 SYNTHETIC answers from a 20-word vocabulary, seed 5),
gold.csv (segment_id,themes: a theme when one of its cue words occurs, 10% of decisions flipped) and
themes.yml (one dictionary word per theme).

The reference reproduces paradox's learned coding: per theme, features = counts of words and
two-word phrases (CountVectorizer(min_df=2, token_pattern two or more word characters,
ngram_range=(1, 2)), fitted on the training segments only) plus one column "@dictionary" (1 when the codebook's word occurs); MultinomialNB(alpha=1)
with fitted priors; 5-fold KFold(shuffle=False) cross-validated predictions (probability >= .5) compared
with the gold coding (confusion counts, precision, recall, Cohen's kappa); and the probabilities of a
model trained on all 60 segments for the first five answers.
"""
import random

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import cohen_kappa_score, confusion_matrix, precision_score, recall_score
from sklearn.model_selection import KFold
from sklearn.naive_bayes import MultinomialNB

rng = random.Random(5)
WORDS = ["cost", "cheap", "expensive", "price", "staff", "friendly", "rude", "helpful", "delivery", "late",
         "fast", "app", "website", "easy", "slow", "good", "bad", "service", "wait", "order"]
THEMES = {"price": ("cost", {"cost", "cheap", "expensive", "price"}), "service": ("staff", {"staff", "friendly", "rude", "helpful"})}

texts, gold = [], []
for i in range(60):
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 10))]
    texts.append(" ".join(words))
    coded = []
    for theme, (_, cues) in THEMES.items():
        present = bool(cues & set(words))
        if rng.random() < 0.1:
            present = not present
        if present:
            coded.append(theme)
    gold.append(coded)

with open("answers.csv", "w") as f:
    f.write("id,text\n" + "".join(f"R{i + 1:02d},{t}\n" for i, t in enumerate(texts)))
with open("gold.csv", "w") as f:
    f.write("segment_id,themes\n" + "".join(f"R{i + 1:02d},{';'.join(g)}\n" for i, g in enumerate(gold)))
with open("themes.yml", "w") as f:
    f.write("# SYNTHETIC codebook for the learned-coding fixture: one dictionary word per theme.\nname: Learned fixture\nthemes:\n")
    for theme, (word, _) in THEMES.items():
        f.write(f"  - id: {theme}\n    label: {theme.capitalize()}\n    words: [{word}]\n")


def features(vectorizer, indices, theme):
    counts = vectorizer.transform([texts[i] for i in indices]).toarray()
    word = THEMES[theme][0]
    dictionary = np.array([[1 if word in texts[i].split() else 0] for i in indices])
    return np.hstack([counts, dictionary])


for theme in THEMES:
    y = np.array([theme in g for g in gold])
    predicted = np.zeros(len(texts), dtype=bool)
    for train, test in KFold(n_splits=5, shuffle=False).split(texts):
        vectorizer = CountVectorizer(min_df=2, token_pattern=r"(?u)\b\w\w+\b", ngram_range=(1, 2)).fit([texts[i] for i in train])
        model = MultinomialNB(alpha=1).fit(features(vectorizer, train, theme), y[train])
        predicted[test] = model.predict_proba(features(vectorizer, test, theme))[:, 1] >= 0.5
    tn, fp, fn, tp = confusion_matrix(y, predicted, labels=[False, True]).ravel()
    print(f"{theme} cv both={tp} learned_only={fp} human_only={fn} neither={tn} precision={precision_score(y, predicted)!r} "
          f"recall={recall_score(y, predicted)!r} kappa={cohen_kappa_score(y, predicted)!r}")
    everything = list(range(len(texts)))
    vectorizer = CountVectorizer(min_df=2, token_pattern=r"(?u)\b\w\w+\b", ngram_range=(1, 2)).fit(texts)
    model = MultinomialNB(alpha=1).fit(features(vectorizer, everything, theme), y)
    probabilities = model.predict_proba(features(vectorizer, everything[:5], theme))[:, 1]
    print(f"{theme} full-model probabilities R01-R05: {[float(p) for p in probabilities]!r}")
