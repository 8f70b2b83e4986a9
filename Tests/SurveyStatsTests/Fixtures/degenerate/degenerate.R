# What R does with the degenerate models that Paradox reports as errors
# (RegressionTests.testDegenerateModelsAreNamedErrors, OneWayANOVATests.testDegenerateInputsAreErrorsOrNil).
# Run: Rscript degenerate.R > degenerate_R.txt   (R 4.2.2, Debian 12)
options(digits = 15, warn = 1)
a <- c(1, 2, 3, 4, 5, 6); b <- c(2, 1, 4, 3, 6, 5)
cat("R", R.version$major, R.version$minor, "\n")

cat("\n# constant response: y = 3 (R: R-squared .47 and F(1, 4) = 3.5 from rounding noise, warning essentially perfect fit)\n")
print(summary(lm(c(3, 3, 3, 3, 3, 3) ~ a)))

cat("\n# response among its predictors: lm(a ~ b + a) (R: drops a from the right-hand side with a warning)\n")
print(summary(lm(a ~ b + a, data = data.frame(a = a, b = b))))

cat("\n# perfect fit: total = a + b (R: coefficients 0, 1, 1, t = 2.8e15, warning essentially perfect fit)\n")
total <- a + b
print(coef(lm(total ~ a + b)))
print(summary(lm(total ~ a + b)))

cat("\n# nearly perfect: total + (1e-6, -1e-6, -1e-6, 1e-6, 0, 0): an ordinary fit\n")
nearly <- total + c(1e-6, -1e-6, -1e-6, 1e-6, 0, 0)
print(summary(lm(nearly ~ a + b)))

cat("\n# ANOVA with a constant response (R: F = NaN)\n")
print(summary(aov(y ~ g, data = data.frame(y = c(2, 2, 2, 2), g = factor(c("a", "a", "b", "b"))))))

cat("\n# ANOVA with a group of one case: F defined; oneway.test (Welch) refuses it\n")
d <- data.frame(y = c(1, 2, 3, 5, 6, 9), g = factor(c("a", "a", "a", "b", "b", "c")))
print(summary(aov(y ~ g, data = d)))
print(tryCatch(oneway.test(y ~ g, data = d), error = function(e) conditionMessage(e)))
