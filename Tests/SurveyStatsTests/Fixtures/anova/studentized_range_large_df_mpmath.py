#!/usr/bin/env python3
"""Reference values of the studentized range upper tail P(Q > q; k, df) at large df (1e5, 1e7).

Same method as studentized_range_mpmath.py (whose range tail log_range_tail it imports), with the
outer integral adapted to a log S density of width 1/sqrt(2 df):
  - 40-digit arithmetic, so that x*log(x) - loggamma(x) (about 1e8 at df = 1e7) keeps 30 digits;
  - the peak of the outer log-integrand located by golden-section search (100 steps) on
    [t0 - 40w, t0 + 40w], t0 = log(df/(df + q^2/2))/2, w = 1/sqrt(2 df), instead of a coarse grid
    (whose spacing would be ~100 widths at these df);
  - the trapezoidal rule with 3 (check: 2) nodes per w over the range where the integrand exceeds
    e^-60 of its peak.
The "digits" column is -log10 of the relative difference between the 3- and 2-node values.

Run:  python3 studentized_range_large_df_mpmath.py > studentized_range_large_df_mpmath.txt
Output lines:  p q k df P(Q>q) digits D
"""
import mpmath as mp

from studentized_range_mpmath import log_integral, log_range_tail

mp.mp.dps = 40


def golden_max(logf, lo, hi, steps=100):
    r = (mp.sqrt(5) - 1) / 2
    a, b = lo, hi
    x1, x2 = b - r * (b - a), a + r * (b - a)
    f1, f2 = logf(x1), logf(x2)
    for _ in range(steps):
        if f1 < f2:
            a, x1, f1 = x1, x2, f2
            x2 = a + r * (b - a)
            f2 = logf(x2)
        else:
            b, x2, f2 = x2, x1, f1
            x1 = b - r * (b - a)
            f1 = logf(x1)
    return x1 if f1 > f2 else x2


def log_upper_tail(q, k, df, n=3):
    q, nu = mp.mpf(q), mp.mpf(df)
    x = nu / 2
    logc = mp.log(2) + x * mp.log(x) - mp.loggamma(x)
    def logf(t):  # log density of t = log s, times P(R > q e^t)
        return logc + nu * t - x * mp.exp(2 * t) + log_range_tail(q * mp.exp(t), k, n)
    width = 1 / mp.sqrt(2 * nu)
    t0 = mp.log(nu / (nu + q * q / 2)) / 2
    peak = golden_max(logf, t0 - 40 * width, t0 + 40 * width)
    return log_integral(logf, peak, width, n)


if __name__ == '__main__':
    print('# mpmath', mp.__version__, 'dps', mp.mp.dps)
    cases = [('3.5', 4, '1e5'), ('5', 10, '1e5'), ('12', 5, '1e5'), ('40', 3, '1e5'),
             ('3.5', 4, '1e7'), ('5', 10, '1e7'), ('12', 5, '1e7'), ('40', 3, '1e7')]
    for q, k, df in cases:
        p = mp.exp(log_upper_tail(q, k, df))
        check = mp.exp(log_upper_tail(q, k, df, 2))
        digits = -mp.log10(abs(check / p - 1)) if check != p else 40
        print('p', q, k, df, mp.nstr(p, 20), 'digits', mp.nstr(digits, 3), flush=True)
