# Expected values for DescriptivesTests, ReliabilityTests, CorrelationTests and FrequenciesTests.
# Run from this directory: Rscript expected.R > expected_R.txt
# Tools: R 4.2.2 Patched (2022-11-10 r83330), psych 2.2.9 (Debian 12 r-base-core, r-cran-psych).
suppressPackageStartupMessages(library(psych))
d <- read.csv("likert.csv")
p <- function(...) cat(sprintf("%.17g", c(...)), "\n")
cat(R.version.string, "psych", as.character(packageVersion("psych")), "\n")

cat("## psych::describe(d[, c('q1','q2','q3','q4','q5','hours')], type = 2)\n")
cat("## columns: n missing mean sd median min max skew kurtosis se_skew se_kurt\n")
ds <- psych::describe(d[, c("q1", "q2", "q3", "q4", "q5", "hours")], type = 2)
for (v in rownames(ds)) {
  n <- ds[v, "n"]
  # SPSS standard errors of G1 and G2, evaluated in R from their formulas
  ses <- sqrt(6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3)))
  sek <- 2 * ses * sqrt((n^2 - 1) / ((n - 3) * (n + 5)))
  cat(v, ""); p(n, sum(is.na(d[[v]])), ds[v, "mean"], ds[v, "sd"], ds[v, "median"], ds[v, "min"],
                ds[v, "max"], ds[v, "skew"], ds[v, "kurtosis"], ses, sek)
}

cat("## psych::alpha(na.omit(items), check.keys = FALSE), q3 reverse-keyed as 6 - q3, listwise\n")
items <- d[, c("q1", "q2", "q3", "q4", "q5")]
items$q3 <- 6 - items$q3
complete <- na.omit(items)
a <- psych::alpha(complete, check.keys = FALSE)
cat("n k alpha std_alpha\n"); p(nrow(complete), ncol(complete), a$total$raw_alpha, a$total$std.alpha)
ci <- psych::alpha.ci(a$total$raw_alpha, n.obs = nrow(complete), n.var = ncol(complete), p.val = 0.05)
cat("Feldt psych::alpha.ci(raw_alpha, n.obs, n.var, p.val = .05): lower upper\n"); p(ci$lower.ci, ci$upper.ci)
cat("per item: r.drop alpha_if_deleted(raw) mean sd\n")
for (v in rownames(a$item.stats)) {
  cat(v, ""); p(a$item.stats[v, "r.drop"], a$alpha.drop[v, "raw_alpha"], a$item.stats[v, "mean"], a$item.stats[v, "sd"])
}

cat("## psych::alpha(na.omit(items_not_reversed), check.keys = FALSE) -- q3 as asked\n")
raw <- na.omit(d[, c("q1", "q2", "q3", "q4", "q5")])
invisible(capture.output(b <- suppressWarnings(psych::alpha(raw, check.keys = FALSE))))
cat("n alpha std_alpha\n"); p(nrow(raw), b$total$raw_alpha, b$total$std.alpha)
cat("per item r.drop\n"); p(b$item.stats[, "r.drop"])

cat("## cor.test(x, y) Pearson, two-sided; listwise over q1,q2,q4,hours: estimate statistic p_value n\n")
vars <- c("q1", "q2", "q4", "hours")
lw <- na.omit(d[, vars])
for (i in 1:3) for (j in (i + 1):4) {
  t <- cor.test(lw[[vars[i]]], lw[[vars[j]]])
  cat(vars[i], vars[j], ""); p(t$estimate, t$statistic, t$p.value, t$parameter + 2)
}
cat("## pairwise: cor.test(d[[a]], d[[b]]) (cor.test drops incomplete pairs)\n")
for (i in 1:3) for (j in (i + 1):4) {
  t <- cor.test(d[[vars[i]]], d[[vars[j]]])
  cat(vars[i], vars[j], ""); p(t$estimate, t$statistic, t$p.value, t$parameter + 2)
}

cat("## frequencies: table(d$q1, useNA = 'always'), table(d$region, useNA = 'always')\n")
print(table(d$q1, useNA = "always"))
print(table(d$region, useNA = "always"))
cat("q1 valid percent 100 * prop.table(table(d$q1)):\n"); p(100 * prop.table(table(factor(d$q1, levels = 1:5))))
cat("q1 percent of all rows 100 * table(q1) / nrow(d):\n"); p(100 * table(factor(d$q1, levels = 1:5)) / nrow(d))
cat("q1 cumulative valid percent:\n"); p(cumsum(100 * prop.table(table(factor(d$q1, levels = 1:5)))))
cat("q1 top-2-box percent 100 * mean(q1 >= 4, na.rm = TRUE):\n"); p(100 * mean(d$q1 >= 4, na.rm = TRUE))
