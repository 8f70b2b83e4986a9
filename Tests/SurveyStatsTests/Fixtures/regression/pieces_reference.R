# Reference values for RegressionTests.testLargeTallyFitInPiecesMatchesR: 70,000 cases in closed
# form (no random numbers, so the Swift test builds the same doubles), every row distinct, so the
# tally fit passes over its rows in two pieces (65,536 + 4,464 rows) and merges them.
# Run: Rscript pieces_reference.R > pieces_reference_R.txt   (R 4.2.2, car 3.1-1)
suppressMessages(library(car))
i <- 0:69999
x1 <- ((i * 7919) %% 1000) / 100
x2 <- ((i * 104729) %% 997) / 997
f <- factor(c("a", "b", "c")[i %% 3 + 1], levels = c("a", "b", "c"))
noise <- (((i * 7727 + 13) %% 1009) / 1009 - 0.5) * (1 + x1 / 10)
y <- 1 + 0.5 * x1 - 0.3 * x2 + 0.2 * (i %% 3) + noise
fit <- lm(y ~ x1 + x2 + f)
out <- function(key, v) cat(key, sprintf("%.17g", v), "\n")
cat("# ", R.version.string, " car ", as.character(packageVersion("car")), "\n", sep = "")
co <- coef(summary(fit)); hc3 <- sqrt(diag(hccm(fit, type = "hc3")))
for (k in seq_len(nrow(co))) {
  n <- rownames(co)[k]
  out(paste0(n, ".estimate"), co[k, 1]); out(paste0(n, ".std_error"), co[k, 2]); out(paste0(n, ".std_error_hc3"), hc3[k])
}
out("r_squared", summary(fit)$r.squared)
out("sigma", summary(fit)$sigma)
