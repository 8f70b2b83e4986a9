# Reference values for ConfirmatoryFactorAnalysisTests and the paradox cfa CLI tests: the bundled
# study's scales (Codebooks/privacy-paradox.codebook.yml) as correlated factors, fitted by lavaan's
# cfa() with its defaults (ML, likelihood "normal": S with divisor n, chi-square = n * F_ML,
# expected information) on the rows complete on every item (listwise), from Data/wave1.csv with
# codes 98 and 99 missing and TRU4 reverse-keyed (6 - x). Printed with sprintf("%.15g"):
# parameterEstimates (est, se, z, pvalue, ci.lower, ci.upper), standardizedSolution (est.std and
# its delta-method se), fitMeasures; the RMSEA interval also solved with uniroot(tol = 1e-14)
# ("exact"; lavaan's own tolerance is 1.2e-4 in the noncentrality). Each fit is polished (below).
# Run from the repository root:
#   Rscript Tests/SurveyStatsTests/Fixtures/cfa/cfa.R > Tests/SurveyStatsTests/Fixtures/cfa/cfa_R.txt
suppressPackageStartupMessages(library(lavaan))
cat("#", R.version.string, "| lavaan", as.character(packageVersion("lavaan")), "\n")
f <- function(x) sprintf("%.15g", x)
wave <- read.csv("Data/wave1.csv")
for (v in names(wave)) wave[[v]][wave[[v]] %in% c(98, 99)] <- NA
wave$TRU4 <- 6 - wave$TRU4
study.data <- wave
study <- list(privacy_concern = c("PC1", "PC2", "PC3", "PC4"), transparency = c("TR1", "TR2", "TR3"),
               intrusiveness = c("IN1", "IN2", "IN3"), attitude = c("AT1", "AT2", "AT3"),
               benefits = c("PB1", "PB2", "PB3"), risks = c("PR1", "PR2", "PR3"),
               trust = c("TRU1", "TRU2", "TRU3", "TRU4"))
report <- function(label, chosen, std.lv, scales = study, wave = study.data) {
  items <- unlist(scales[chosen])
  data <- na.omit(wave[, items])
  model <- paste(sapply(chosen, function(s) paste(s, "=~", paste(scales[[s]], collapse = " + "))), collapse = "\n")
  fit <- cfa(model, data = data, std.lv = std.lv)
  # Polished: lavaan's nlminb stops up to ~6e-6 from the minimum on these models; two more fits
  # from its estimates by BFGS at reltol 1e-16 bring the gradient to ~1e-8 (estimates ~1e-8).
  for (round in 1:2) fit <- cfa(model, data = data, std.lv = std.lv, start = fit, optim.method = "BFGS",
                                control = list(reltol = 1e-16, maxit = 10000))
  cat("\n==", label, "n", nrow(data), "converged", lavInspect(fit, "converged"),
      "gradient", f(max(abs(lavInspect(fit, "optim.gradient")))), "\n")
  pe <- parameterEstimates(fit)
  ss <- standardizedSolution(fit)
  for (i in seq_len(nrow(pe))) {
    cat("par", pe$lhs[i], pe$op[i], pe$rhs[i], "est", f(pe$est[i]), "se", f(pe$se[i]), "z", f(pe$z[i]),
        "p", f(pe$pvalue[i]), "ci", f(pe$ci.lower[i]), f(pe$ci.upper[i]),
        "std", f(ss$est.std[i]), "std_se", f(ss$se[i]), "\n")
  }
  measures <- c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "cfi", "tli", "rmsea",
                "rmsea.ci.lower", "rmsea.ci.upper", "srmr")
  fm <- fitMeasures(fit, measures)
  for (m in measures) cat("fit", m, f(fm[[m]]), "\n")
  X2 <- fm[["chisq"]]; df <- fm[["df"]]; N <- nrow(data)
  bound <- function(q, upper) {
    g <- function(ncp) pchisq(X2, df, ncp) - q
    if (g(0) < 0 || g(upper) > 0) 0 else sqrt(uniroot(g, c(0, upper), tol = 1e-14)$root / (N * df))
  }
  cat("exact rmsea.ci.lower", f(bound(0.95, X2)), "rmsea.ci.upper", f(bound(0.05, max(N, 4 * X2))), "\n")
}
report("all scales, fixed variance", names(study), TRUE)
report("all scales, marker", names(study), FALSE)
report("privacy_concern risks trust, marker", c("privacy_concern", "risks", "trust"), FALSE)
# lavaan's own example: HolzingerSwineford1939 (Tests/SurveyStatsTests/Fixtures/omega/holzinger_swineford.csv) as
# visual =~ x1-x3, textual =~ x4-x6, speed =~ x7-x9.
hs.scales <- list(visual = c("x1", "x2", "x3"), textual = c("x4", "x5", "x6"), speed = c("x7", "x8", "x9"))
hs <- read.csv("Tests/SurveyStatsTests/Fixtures/omega/holzinger_swineford.csv")
report("holzinger_swineford, fixed variance", names(hs.scales), TRUE, hs.scales, hs)
report("holzinger_swineford, marker", names(hs.scales), FALSE, hs.scales, hs)
