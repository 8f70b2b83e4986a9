# Writes wave7.csv, the "real" wave of the `paradox simulate --like` CLI tests: 800 respondents with a
# 1-7 satisfaction scale (S4 reverse-keyed), a 1-7 loyalty scale, a categorical channel, a numeric age,
# a pii e-mail column and a free-text comment, with blanks and the missing code -9 (Refused).
# Run: python3 make_wave.py   (Python 3.11.7, numpy 2.4.6; seed fixed, so the file is reproducible)
import numpy as np

rng = np.random.default_rng(20261207)
n = 800
channel = rng.choice(["web", "phone", "store"], size=n, p=[0.5, 0.3, 0.2])
shift = np.select([channel == "web", channel == "phone"], [-0.3, 0.1], 0.5)
age = np.clip(np.round(rng.normal(44, 14, n)), 18, 85).astype(int)
satisfaction = shift + 0.01 * (age - 44) + rng.normal(0, 1, n)
loyalty = 0.6 * satisfaction + rng.normal(0, 0.8, n)
cuts = [-1.6, -0.9, -0.3, 0.3, 0.9, 1.6]

def item(latent, loading, reverse=False):
    x = loading * latent / latent.std() + rng.normal(0, np.sqrt(1 - loading**2), n)
    codes = np.digitize(x + 0.3, cuts) + 1
    return 8 - codes if reverse else codes

columns = {
    "S1": item(satisfaction, 0.8), "S2": item(satisfaction, 0.75), "S3": item(satisfaction, 0.7),
    "S4": item(satisfaction, 0.6, reverse=True),
    "L1": item(loyalty, 0.8), "L2": item(loyalty, 0.7), "L3": item(loyalty, 0.65),
}
comments = ["Fast delivery", "Call me back on 0161 496 0000", "", "Great staff, thanks Maria", "", "Too expensive"]
with open("wave7.csv", "w") as out:
    out.write("case_id,email,channel,age,S1,S2,S3,S4,L1,L2,L3,comment\n")
    for r in range(n):
        cells = []
        for name, values in columns.items():
            u = rng.random()
            cells.append("" if u < 0.02 else "-9" if u < 0.05 else str(values[r]))
        age_cell = "-9" if rng.random() < 0.03 else str(age[r])
        out.write(f"C{r + 1:04d},person{r + 1}@example.org,{channel[r]},{age_cell},{','.join(cells)},\"{comments[r % len(comments)]}\"\n")
