#!/usr/bin/env python3
"""Reference values of the studentized range upper tail P(Q > q; k, df) to 15+ significant digits.

Computed with mpmath (version printed in the output) in 24-digit arithmetic, independently of the
Swift code's numerics: the range tail uses the cancellation-free product form
    A^(k-1) - B^(k-1) = (A - B) * sum_{j=0}^{k-2} A^j B^(k-2-j),  A - B = 1 - Phi(z + w),
with A = 1 - Phi(z), B = Phi(z + w) - Phi(z) from mpmath's erfc, and
    P(R > w) = k * Integral phi(z) (A^(k-1) - B^(k-1)) dz,
    P(Q > q) = Integral f_df(s) P(R > q s) ds,  f_df the density of s = sqrt(chi2_df / df),
integrated over s = e^t; both integrals by the trapezoidal rule (3 nodes per unit of the
integrand's scale, over the range where it exceeds e^-60 of its grid-located peak), in 24-digit
arithmetic. Each value is also computed with 2 nodes per unit; the printed "digits" column is
-log10 of the relative difference (a lower bound on the accuracy of the 3-node value, whose error
falls geometrically with the node density).
Quantiles by mpmath.findroot (secant) on the log upper tail.

Run:  python3 studentized_range_mpmath.py > studentized_range_mpmath.txt
Output lines:  p q k df P(Q>q) digits D      and      quantile prob k df q
"""
import mpmath as mp

mp.mp.dps = 24


def log_integral(logf, peak, width, n):
    """log of the integral of exp(logf) over the region where logf > logf(peak) - 60, by the
    trapezoidal rule with n nodes per `width` (geometrically convergent for such integrands)."""
    top = logf(peak)
    edges = []
    for direction in (1, -1):
        d = width
        while logf(peak + direction * d) > top - 60:
            d *= 2
        edges.append(peak + direction * d)
    b, a = edges
    count = int(mp.ceil((b - a) / width * n))
    h = (b - a) / count
    total = mp.fsum(mp.exp(logf(a + i * h) - top) for i in range(1, count)) + (mp.exp(logf(a) - top) + mp.exp(logf(b) - top)) / 2
    return top + mp.log(total * h)


def argmax(logf, lo, hi, points):
    grid = [lo + i * (hi - lo) / points for i in range(points + 1)]
    return max(grid, key=logf)


def log_range_tail(w, k, n=3):
    """log P(R > w) for the range of k standard normals."""
    w = mp.mpf(w)
    def logf(z):
        a = mp.erfc(z / mp.sqrt(2)) / 2
        c = mp.erfc((z + w) / mp.sqrt(2)) / 2
        b = a - c
        s = mp.fsum(a ** j * b ** (k - 2 - j) for j in range(k - 1))
        return mp.log(mp.npdf(z) * c * s)
    z0 = argmax(logf, -w / 2 - 12, mp.mpf(12), 48)
    return mp.log(k) + log_integral(logf, z0, mp.mpf('0.5'), n)


def log_upper_tail(q, k, df, n=3):
    q = mp.mpf(q)
    if df == 'inf':
        return log_range_tail(q, k, n)
    nu = mp.mpf(df)
    x = nu / 2
    logc = mp.log(2) + x * mp.log(x) - mp.loggamma(x)
    def logf(t):  # log density of t = log s, times P(R > q e^t)
        return logc + nu * t - x * mp.exp(2 * t) + log_range_tail(q * mp.exp(t), k, n)
    lo, hi = mp.log(mp.mpf('1e-3') / q) - 5, mp.mpf(1)
    t0 = argmax(logf, lo, hi, 48)
    width = min(mp.mpf(1) / mp.sqrt(2 * nu), mp.mpf('0.5'))
    return log_integral(logf, t0, width, n)


if __name__ == '__main__':
    print('# mpmath', mp.__version__, 'dps', mp.mp.dps)
    cases = [
        ('30', 2, 'inf'), ('20', 10, 'inf'), ('4', 3, 'inf'), ('3.5', 4, '20'), ('25', 20, '1000'),
        ('5', 10, '1000'), ('8', 5, '10'), ('1e10', 3, '5'), ('60', 5, '100'), ('1e50', 2, '2'),
        ('1e10', 20, '2'), ('1', 20, '2'), ('16.783124160972523', 20, '2'),
    ]
    for q, k, df in cases:
        p = mp.exp(log_upper_tail(q, k, df))
        check = mp.exp(log_upper_tail(q, k, df, 2))
        digits = -mp.log10(abs(check / p - 1)) if check != p else 30
        print('p', q, k, df, mp.nstr(p, 20), 'digits', mp.nstr(digits, 3), flush=True)
    for prob, k, df in [('0.95', 4, '20'), ('0.95', 3, 'inf')]:
        alpha = 1 - mp.mpf(prob)
        root = mp.findroot(lambda q: log_upper_tail(q, k, df) - mp.log(alpha), mp.mpf(3.5), tol=mp.mpf(10) ** -24)
        print('quantile', prob, k, df, mp.nstr(root, 20), flush=True)
