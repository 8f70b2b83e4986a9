# Reference values for PolychoricTests and OrdinalReliabilityTests: polychoric correlations by
# two-step ML (thresholds qnorm of the cumulative margins, then rho maximising the bivariate normal
# likelihood of the pair's table with thresholds held), on listwise complete cases. rho is the root
# of the analytic score, found by uniroot(tol = 1e-15) with cell probabilities from
# mvtnorm::pmvnorm (exact in two dimensions: Genz's bivariate algorithm); psych::polychoric(correct = 0) estimates the same (its optimize() stops about
# 1e-5 away) and is printed beside it. Ordinal alpha: psych::alpha(rho)$total$raw_alpha; ordinal
# omega: lavaan cfa(sample.cov = rho, sample.nobs = n, std.lv = TRUE) + semTools compRelSEM.
# Run from the repository root:
#   Rscript Tests/SurveyStatsTests/Fixtures/polychoric/polychoric.R > Tests/SurveyStatsTests/Fixtures/polychoric/polychoric_R.txt
suppressPackageStartupMessages({ library(mvtnorm); library(psych); library(lavaan); library(semTools) })
cat("#", R.version.string, "| mvtnorm", as.character(packageVersion("mvtnorm")), "| psych",
    as.character(packageVersion("psych")), "| lavaan", as.character(packageVersion("lavaan")),
    "| semTools", as.character(packageVersion("semTools")), "\n")
f <- function(x) sprintf("%.15g", x)
thresholds <- function(x) { p <- cumsum(table(x)) / length(x); c(-Inf, qnorm(p[-length(p)]), Inf) }
p2 <- function(h, k, r) {
  if (h == -Inf || k == -Inf) return(0)
  if (h == Inf) return(pnorm(k)); if (k == Inf) return(pnorm(h))
  pmvnorm(upper = c(h, k), corr = matrix(c(1, r, r, 1), 2))[1]
}
d2 <- function(h, k, r) if (!is.finite(h) || !is.finite(k)) 0 else
  exp(-(h^2 - 2 * r * h * k + k^2) / (2 * (1 - r^2))) / (2 * pi * sqrt(1 - r^2))
rho <- function(x, y) {
  a <- thresholds(x); b <- thresholds(y); tab <- table(x, y)
  score <- function(r) {
    s <- 0
    for (i in seq_len(nrow(tab))) for (j in seq_len(ncol(tab))) if (tab[i, j] > 0) {
      pr <- p2(a[i + 1], b[j + 1], r) - p2(a[i], b[j + 1], r) - p2(a[i + 1], b[j], r) + p2(a[i], b[j], r)
      dr <- d2(a[i + 1], b[j + 1], r) - d2(a[i], b[j + 1], r) - d2(a[i + 1], b[j], r) + d2(a[i], b[j], r)
      s <- s + tab[i, j] * dr / pr
    }
    s
  }
  uniroot(score, c(-0.9, 0.95), tol = 1e-15)$root
}
report <- function(label, items) {
  items <- na.omit(items); k <- ncol(items); n <- nrow(items)
  R <- diag(k); dimnames(R) <- list(colnames(items), colnames(items))
  for (i in 1:(k - 1)) for (j in (i + 1):k) R[i, j] <- R[j, i] <- rho(items[[i]], items[[j]])
  ps <- psych::polychoric(items, correct = 0)
  cat("\n==", label, "n", n, "\n")
  for (i in 1:k) cat("tau", colnames(items)[i], f(thresholds(items[[i]])[-c(1, length(thresholds(items[[i]])))]), "\n")
  for (i in 1:(k - 1)) for (j in (i + 1):k)
    cat("rho", colnames(items)[i], colnames(items)[j], f(R[i, j]), "psych", f(ps$rho[i, j]), "\n")
  cat("ordinal_alpha", f(psych::alpha(R, warnings = FALSE)$total$raw_alpha),
      "psych_rho", f(psych::alpha(ps$rho, warnings = FALSE)$total$raw_alpha), "\n")
  if (k >= 3) {
    fit <- cfa(paste("F =~", paste(colnames(items), collapse = " + ")), sample.cov = R, sample.nobs = n, std.lv = TRUE)
    cat("ordinal_omega", f(compRelSEM(fit, obs.var = FALSE)), "\n")
  }
}
likert <- read.csv("Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv")
likert$q3 <- 6 - likert$q3
report("likert q1-q5", likert[, c("q1", "q2", "q3", "q4", "q5")])
wave <- read.csv("Data/wave1.csv")
for (v in names(wave)) wave[[v]][wave[[v]] %in% c(98, 99)] <- NA
wave$TRU4 <- 6 - wave$TRU4
report("wave1 trust", wave[, c("TRU1", "TRU2", "TRU3", "TRU4")])
report("wave1 privacy_concern", wave[, c("PC1", "PC2", "PC3", "PC4")])
