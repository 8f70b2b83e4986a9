# Reference values for the Wald interval of McDonald's omega (OmegaTests, BundledStudyOmegaTests):
# lavaan's standard error of a defined parameter (delta method on the ML covariance of the
# estimates, lavaan's default expected information with likelihood "normal", N = n) for
#   omega := (l1 + ... + lk)^2 / ((l1 + ... + lk)^2 + t1 + ... + tk)
# in cfa(model, data, std.lv = TRUE), with parameterEstimates(level = .95): est, se, ci.lower,
# ci.upper (est +/- qnorm(.975) * se). semTools::compRelSEM(obs.var = FALSE) cross-checks est.
# Run from the repository root:
#   Rscript Tests/SurveyStatsTests/Fixtures/omega/omega_ci.R > Tests/SurveyStatsTests/Fixtures/omega/omega_ci_R.txt
suppressPackageStartupMessages({ library(lavaan); library(semTools) })
cat("#", R.version.string, "| lavaan", as.character(packageVersion("lavaan")),
    "| semTools", as.character(packageVersion("semTools")), "\n")
f <- function(x) sprintf("%.15g", x)

report <- function(label, items) {
  items <- na.omit(items)
  k <- ncol(items)
  l <- paste0("l", 1:k); t <- paste0("t", 1:k)
  model <- paste0("F =~ ", paste0(l, "*", colnames(items), collapse = " + "), "\n",
                  paste0(colnames(items), " ~~ ", t, "*", colnames(items), collapse = "\n"), "\n",
                  "omega := (", paste(l, collapse = " + "), ")^2 / ((", paste(l, collapse = " + "),
                  ")^2 + ", paste(t, collapse = " + "), ")\n")
  fit <- cfa(model, data = items, std.lv = TRUE)
  pe <- parameterEstimates(fit, level = 0.95)
  w <- pe[pe$op == ":=", ]
  cat(label, "n", nrow(items), "omega", f(w$est), "se", f(w$se), "ci.lower", f(w$ci.lower),
      "ci.upper", f(w$ci.upper), "compRelSEM", f(compRelSEM(fit, obs.var = FALSE)), "\n")
}

likert <- read.csv("Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv")
likert$q3 <- 6 - likert$q3
report("likert_q1-q5", likert[, c("q1", "q2", "q3", "q4", "q5")])
report("likert_q1_q2_q4", likert[, c("q1", "q2", "q4")])
report("holzinger_swineford_x1-x9", read.csv("Tests/SurveyStatsTests/Fixtures/omega/holzinger_swineford.csv"))

wave <- read.csv("Data/wave1.csv")
for (v in names(wave)) wave[[v]][wave[[v]] %in% c(98, 99)] <- NA
wave$TRU4 <- 6 - wave$TRU4
scales <- list(privacy_concern = c("PC1", "PC2", "PC3", "PC4"), transparency = c("TR1", "TR2", "TR3"),
               intrusiveness = c("IN1", "IN2", "IN3"), attitude = c("AT1", "AT2", "AT3"),
               benefits = c("PB1", "PB2", "PB3"), risks = c("PR1", "PR2", "PR3"),
               trust = c("TRU1", "TRU2", "TRU3", "TRU4"))
for (s in names(scales)) report(paste0("wave1_", s), wave[, scales[[s]]])
