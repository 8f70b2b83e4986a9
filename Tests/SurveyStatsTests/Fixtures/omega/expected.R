# Reference values for OmegaTests (SurveyStats) and the bundled study's ω (StudyTests):
# one-factor CFA by maximum likelihood, lavaan::cfa(model, data, std.lv = TRUE) with lavaan's
# defaults (estimator "ML", likelihood "normal": S divided by n, chi-square = n * F_ML), and
# McDonald's omega from semTools::compRelSEM (obs.var = FALSE: model-implied total variance;
# obs.var = TRUE: observed total variance). Numbers printed with sprintf("%.15g").
# lavaan's default fit stops at nlminb's rel.tol = 1e-10 on F_ML, which leaves its estimates about
# 1e-7 relative from the minimum (a tighter rel.tol makes nlminb report a false convergence), so the
# minimum of the same F_ML is also polished from lavaan's estimates by optim(method = "BFGS") with
# the analytic gradient and reltol = 1e-15, then three Newton steps (Hessian by central differences
# of the analytic gradient) ("polished"), and lavaan's gradient at its estimate is shown. From the
# polished estimates: SRMR (lavaan's formula, Bentler's: residuals s_ij - sigma_ij over
# sqrt(s_ii s_jj), root mean square over the p(p+1)/2 elements of the lower triangle with the
# diagonal) and omega. lavaan's RMSEA interval solves pchisq(X2, df, ncp) = .95/.05 by uniroot at
# its default tol (1.2e-4 in ncp); "exact" solves it again with tol = 1e-14.
# Run from the repository root:
#   Rscript Tests/SurveyStatsTests/Fixtures/omega/expected.R > Tests/SurveyStatsTests/Fixtures/omega/expected_R.txt
suppressPackageStartupMessages({ library(lavaan); library(semTools) })
cat("#", R.version.string, "| lavaan", as.character(packageVersion("lavaan")),
    "| semTools", as.character(packageVersion("semTools")), "\n")
f <- function(x) sprintf("%.15g", x)

report <- function(label, items) {
  items <- na.omit(items)
  names <- colnames(items)
  model <- paste("F =~", paste(names, collapse = " + "))
  fit <- cfa(model, data = items, std.lv = TRUE)
  cat("\n== ", label, " n =", nrow(items), " converged =", lavInspect(fit, "converged"),
      " iterations =", lavInspect(fit, "iterations"), "\n")
  pe <- parameterEstimates(fit, standardized = TRUE)
  loadings <- pe[pe$op == "=~", ]
  resid <- pe[pe$op == "~~" & pe$lhs == pe$rhs & pe$lhs %in% names, ]
  S <- lavInspect(fit, "sampstat")$cov; p <- length(names)
  F_ML <- function(theta) {
    l <- theta[1:p]; Sigma <- tcrossprod(l) + diag(theta[p + 1:p], p)
    ch <- tryCatch(chol(Sigma), error = function(e) NULL)
    if (is.null(ch)) return(Inf)
    2 * sum(log(diag(ch))) + sum(diag(S %*% chol2inv(ch))) - as.numeric(determinant(S)$modulus) - p
  }
  gradient <- function(theta) {
    l <- theta[1:p]; Sigma <- tcrossprod(l) + diag(theta[p + 1:p], p)
    Si <- solve(Sigma); G <- Si %*% (Sigma - S) %*% Si
    c(2 * G %*% l, diag(G))
  }
  polished <- optim(c(loadings$est, resid$est), F_ML, gradient, method = "BFGS",
                    control = list(reltol = 1e-15, maxit = 10000))
  theta <- polished$par
  for (step in 1:3) {
    h <- 1e-5
    H <- sapply(seq_along(theta), function(j) {
      e <- replace(numeric(length(theta)), j, h)
      (gradient(theta + e) - gradient(theta - e)) / (2 * h)
    })
    theta <- theta - solve((H + t(H)) / 2, gradient(theta))
  }
  polished$par <- theta
  Sigma <- tcrossprod(theta[1:p]) + diag(theta[p + 1:p], p)
  residual <- (S - Sigma) / sqrt(tcrossprod(diag(S)))
  srmr <- sqrt(mean(residual[lower.tri(residual, diag = TRUE)]^2))
  omega <- sum(theta[1:p])^2 / (sum(theta[1:p])^2 + sum(theta[p + 1:p]))
  cat("lavaan gradient (of F_ML/2)", f(lavInspect(fit, "optim.gradient")), "\n")
  cat("polished F_ML", f(F_ML(theta)), "gradient max", f(max(abs(gradient(theta)))),
      "srmr", f(srmr), "omega", f(omega), "\n")
  for (i in seq_along(names)) {
    cat("item", names[i], "loading", f(loadings$est[i]), "std", f(loadings$std.all[i]),
        "resid", f(resid$est[i]), "std_resid", f(resid$std.all[i]),
        "| polished loading", f(polished$par[i]), "resid", f(polished$par[p + i]), "\n")
  }
  measures <- c("chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "cfi", "tli",
                "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "fmin")
  fm <- fitMeasures(fit, measures)
  for (m in measures) cat("fit", m, f(fm[[m]]), "\n")
  X2 <- fm[["chisq"]]; df <- fm[["df"]]; N <- nrow(items)
  if (df >= 1) {
    bound <- function(q, upper) {
      g <- function(ncp) pchisq(X2, df, ncp) - q
      if (g(0) < 0 || g(upper) > 0) 0 else sqrt(uniroot(g, c(0, upper), tol = 1e-14)$root / (N * df))
    }
    cat("exact rmsea.ci.lower", f(bound(0.95, X2)), "rmsea.ci.upper", f(bound(0.05, max(N, 4 * X2))), "\n")
  }
  cat("omega_model", f(compRelSEM(fit, obs.var = FALSE)), "\n")
  cat("omega_observed", f(compRelSEM(fit, obs.var = TRUE)), "\n")
}

# 1. The five-item fixture of ReliabilityTests: q3 reverse-keyed (6 - q3), listwise complete cases.
likert <- read.csv("Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv")
likert$q3 <- 6 - likert$q3
report("likert q1-q5", likert[, c("q1", "q2", "q3", "q4", "q5")])

# 2. lavaan's HolzingerSwineford1939, nine ability tests as one factor (a poorly fitting model).
hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
write.csv(hs, "Tests/SurveyStatsTests/Fixtures/omega/holzinger_swineford.csv", row.names = FALSE)
report("holzinger_swineford x1-x9", hs)

# 3. The bundled study's scales (Codebooks/privacy-paradox.codebook.yml): codes 98 and 99 missing,
#    TRU4 reverse-keyed on 1..5, each scale on its listwise complete cases.
wave <- read.csv("Data/wave1.csv")
for (v in names(wave)) wave[[v]][wave[[v]] %in% c(98, 99)] <- NA
wave$TRU4 <- 6 - wave$TRU4
scales <- list(privacy_concern = c("PC1", "PC2", "PC3", "PC4"), transparency = c("TR1", "TR2", "TR3"),
               intrusiveness = c("IN1", "IN2", "IN3"), attitude = c("AT1", "AT2", "AT3"),
               benefits = c("PB1", "PB2", "PB3"), risks = c("PR1", "PR2", "PR3"),
               trust = c("TRU1", "TRU2", "TRU3", "TRU4"))
for (s in names(scales)) report(paste("wave1", s), wave[, scales[[s]]])
