# The numbers of the golden outputs of small.csv, by R (run: Rscript small.R; version in the output).
d <- read.csv("small.csv")
cat(R.version.string, "\n")
v <- c("x1", "x2", "x3", "x4", "y")
print(round(sapply(d[v], function(x) c(n = sum(!is.na(x)), M = mean(x, na.rm = TRUE), SD = sd(x, na.rm = TRUE),
                                        Mdn = median(x, na.rm = TRUE))), 2))
# Cronbach's alpha with x4 reverse-keyed (6 - x4), listwise
items <- na.omit(data.frame(d$x1, d$x2, d$x3, 6 - d$x4))
k <- ncol(items)
alpha <- k / (k - 1) * (1 - sum(apply(items, 2, var)) / var(rowSums(items)))
cat("n =", nrow(items), " alpha =", round(alpha, 2), "\n")
# Regression with group (reference b)
d$group <- relevel(factor(d$group), ref = "b")
print(round(coef(summary(lm(y ~ x1 + x3 + group, data = d))), 2))
print(summary(lm(y ~ x1 + x3 + group, data = d))$fstatistic)
# One-way ANOVA and Welch
print(summary(aov(y ~ group, data = d)))
print(oneway.test(y ~ group, data = d))
print(TukeyHSD(aov(y ~ factor(as.character(group)), data = d)))
