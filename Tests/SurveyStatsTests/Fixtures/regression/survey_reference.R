# Reference values for RegressionTests and OneWayANOVATests from survey_reference.csv.
# Run: Rscript survey_reference.R > survey_reference_R.txt   (R 4.2.2, car 3.1-1)
suppressMessages(library(car))
d <- read.csv("survey_reference.csv", na.strings = "NA")
d$age <- factor(d$age, levels = c("18-29", "30-44", "45-59", "60+"))
out <- function(key, v) cat(key, sprintf("%.17g", v), "\n")
cat("# ", R.version.string, " car ", as.character(packageVersion("car")), "\n", sep = "")

# lm(y ~ x1 + x2 + x3 + age)
fit <- lm(y ~ x1 + x2 + x3 + age, data = d)
s <- summary(fit); co <- coef(s); ci <- confint(fit)
mm <- model.matrix(fit); yy <- model.response(model.frame(fit)); df <- fit$df.residual
hc3 <- sqrt(diag(hccm(fit, type = "hc3")))
for (i in seq_len(nrow(co))) {
  n <- rownames(co)[i]
  out(paste0("lm.", n, ".estimate"), co[i, 1]); out(paste0("lm.", n, ".std_error"), co[i, 2])
  out(paste0("lm.", n, ".statistic"), co[i, 3]); out(paste0("lm.", n, ".p_value"), co[i, 4])
  out(paste0("lm.", n, ".conf_low"), ci[i, 1]); out(paste0("lm.", n, ".conf_high"), ci[i, 2])
  t3 <- co[i, 1] / hc3[i]
  out(paste0("lm.", n, ".std_error_hc3"), hc3[i]); out(paste0("lm.", n, ".statistic_hc3"), t3)
  out(paste0("lm.", n, ".p_value_hc3"), 2 * pt(-abs(t3), df))
  out(paste0("lm.", n, ".conf_low_hc3"), co[i, 1] - qt(0.975, df) * hc3[i])
  if (i > 1) {
    out(paste0("lm.", n, ".std_estimate"), co[i, 1] * sd(mm[, i]) / sd(yy))
    # β's CI: B's CI scaled by sd(column)/sd(y), as effectsize::standardize_parameters(method = "basic")
    out(paste0("lm.", n, ".std_conf_low"), ci[i, 1] * sd(mm[, i]) / sd(yy))
    out(paste0("lm.", n, ".std_conf_high"), ci[i, 2] * sd(mm[, i]) / sd(yy))
    out(paste0("lm.", n, ".std_conf_low_hc3"), (co[i, 1] - qt(0.975, df) * hc3[i]) * sd(mm[, i]) / sd(yy))
    out(paste0("lm.", n, ".std_conf_high_hc3"), (co[i, 1] + qt(0.975, df) * hc3[i]) * sd(mm[, i]) / sd(yy))
    out(paste0("lm.", n, ".vif"), 1 / (1 - summary(lm(mm[, i] ~ mm[, -c(1, i)]))$r.squared))
  }
}
g <- vif(fit)
for (n in rownames(g)) { out(paste0("gvif.", n, ".gvif"), g[n, 1]); out(paste0("gvif.", n, ".adjusted"), g[n, 3]) }
f <- s$fstatistic
out("lm.nobs", nobs(fit)); out("lm.r_squared", s$r.squared); out("lm.adj_r_squared", s$adj.r.squared)
out("lm.sigma", s$sigma); out("lm.statistic", f[1]); out("lm.p_value", pf(f[1], f[2], f[3], lower.tail = FALSE))
out("lm.ss_regression", sum((fitted(fit) - mean(yy))^2)); out("lm.ss_residual", deviance(fit))
# hierarchical: block 1 = age, block 2 = x1, x2, x3, on the same cases
fit1 <- lm(y ~ age, data = model.frame(fit))
a <- anova(fit1, fit)
out("block1.r_squared", summary(fit1)$r.squared)
out("block1.statistic", summary(fit1)$fstatistic[1])
out("block2.delta_r_squared", s$r.squared - summary(fit1)$r.squared)
out("block2.statistic", a$F[2]); out("block2.p_value", a$`Pr(>F)`[2])

# lm(y ~ 0 + x1 + x2): uncentred R²
fit0 <- lm(y ~ 0 + x1 + x2, data = d); s0 <- summary(fit0)
for (n in c("x1", "x2")) { out(paste0("noint.", n, ".estimate"), coef(s0)[n, 1]); out(paste0("noint.", n, ".std_error"), coef(s0)[n, 2]) }
out("noint.r_squared", s0$r.squared); out("noint.adj_r_squared", s0$adj.r.squared)
out("noint.statistic", s0$fstatistic[1])
g0 <- suppressWarnings(vif(fit0)); out("noint.vif.x1", g0["x1"])

# one-way ANOVA of y by age
a1 <- summary(aov(y ~ age, data = d))[[1]]
out("aov.ss_between", a1$`Sum Sq`[1]); out("aov.ss_within", a1$`Sum Sq`[2])
out("aov.statistic", a1$`F value`[1]); out("aov.p_value", a1$`Pr(>F)`[1])
w <- oneway.test(y ~ age, data = d, var.equal = FALSE)
out("welch.statistic", w$statistic); out("welch.df_residual", w$parameter[2]); out("welch.p_value", w$p.value)
for (ctr in c("mean", "median")) {
  l <- leveneTest(y ~ age, data = d, center = get(ctr))
  out(paste0("levene_", ctr, ".statistic"), l$`F value`[1]); out(paste0("levene_", ctr, ".p_value"), l$`Pr(>F)`[1])
}
k <- kruskal.test(likert ~ age, data = d)
out("kruskal.statistic", k$statistic); out("kruskal.p_value", k$p.value)
dd <- d[!is.na(d$y) & !is.na(d$age), ]
for (lv in levels(d$age)) {
  v <- dd$y[dd$age == lv]; tt <- t.test(v)
  out(paste0("group.", lv, ".mean"), mean(v)); out(paste0("group.", lv, ".sd"), sd(v))
  out(paste0("group.", lv, ".conf_low"), tt$conf.int[1]); out(paste0("group.", lv, ".conf_high"), tt$conf.int[2])
}
tk <- TukeyHSD(aov(y ~ age, data = d))$age
for (n in rownames(tk)) {
  out(paste0("tukey.", n, ".estimate"), tk[n, 1]); out(paste0("tukey.", n, ".conf_low"), tk[n, 2])
  out(paste0("tukey.", n, ".p_value"), tk[n, 4])
}
# Games-Howell by its formulas with R's ptukey/qtukey
lv <- levels(d$age)
for (i in 1:3) for (j in (i + 1):4) {
  a <- dd$y[dd$age == lv[i]]; b <- dd$y[dd$age == lv[j]]
  va <- var(a) / length(a); vb <- var(b) / length(b); se <- sqrt(va + vb)
  nu <- (va + vb)^2 / (va^2 / (length(a) - 1) + vb^2 / (length(b) - 1))
  q <- abs(mean(b) - mean(a)) / (se / sqrt(2)); key <- paste0("gh.", lv[j], "-", lv[i])
  out(paste0(key, ".df"), nu); out(paste0(key, ".p_value"), ptukey(q, 4, nu, lower.tail = FALSE))
  out(paste0(key, ".conf_low"), mean(b) - mean(a) - qtukey(0.95, 4, nu) * se / sqrt(2))
}
