# Reference values of the bivariate normal CDF for BivariateNormalTests: Phi2(h, k; rho) by
# Plackett's identity Phi2 = Phi(h)Phi(k) + (1/2pi) int_0^rho exp(-(h^2 - 2thk + k^2)/(2(1 - t^2)))/sqrt(1 - t^2) dt,
# integrated by mpmath.quad at 40 significant digits (for rho near +-1 split at the endpoint
# singularity), printed to 17 digits. Run: python3 bivariate_normal.py > bivariate_normal.txt
import mpmath
mpmath.mp.dps = 40
print("# mpmath", mpmath.__version__, "| h k rho Phi2")
def phi2(h, k, rho):
    h, k, rho = mpmath.mpf(h), mpmath.mpf(k), mpmath.mpf(rho)
    f = lambda t: mpmath.exp(-(h*h - 2*t*h*k + k*k) / (2*(1 - t*t))) / mpmath.sqrt(1 - t*t)
    points = [0, rho/2, rho*mpmath.mpf('0.9'), rho*mpmath.mpf('0.99'), rho] if abs(rho) > 0.5 else [0, rho]
    return mpmath.ncdf(h)*mpmath.ncdf(k) + mpmath.quad(f, points)/(2*mpmath.pi)
cases = [(0, 0, 0), (0, 0, 0.5), (0, 0, -0.5), (1.2, -0.4, 0.2), (-1.5, 0.3, -0.25), (0.7, 0.9, 0.6),
         (-2, -1.5, 0.7), (2.5, -0.3, -0.7), (1, 1, 0.95), (-1, 0.5, 0.99), (0.3, -0.3, -0.95),
         (-0.5, -0.6, -0.999), (-3, -3, 0.9), (-4, -3.5, 0.5), (-6, -5, 0.3), (3, 2, 0.9999),
         (-0.8416212335729143, 0.2533471031357997, 0.8), (1.6448536269514722, 1.6448536269514722, 0.935)]
for h, k, rho in cases:
    print(repr(h), repr(k), repr(rho), mpmath.nstr(phi2(h, k, rho), 17))
