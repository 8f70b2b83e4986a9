# Reference values for DesignWeightTypesCLITests and DesignFactorCLITests (Paradox): the study path
# (`paradox run`, `batch`) under frequency and analytic weights, a factor predictor in a design-based
# regression, an fpc with each row its own PSU, and a predictor of values near 1e6.
# Run: Rscript design_weights.R > design_weights_R.txt
# Reads design.csv (written by design.R) and writes design_extra.csv: design.csv with N_rows (each
# stratum's population of rows, for an fpc when rows are the PSUs) and xbig = 1e6 + x1.
# Labels name coefficients as Paradox does (g[g2], not gg2).
suppressMessages(library(survey))
options(survey.lonely.psu = "fail", digits = 17)
d <- read.csv("design.csv")
d$N_rows <- c(a = 70, b = 90, c = 40)[d$stratum]
d$xbig <- 1e6 + d$x1
write.csv(d, "design_extra.csv", row.names = FALSE, na = "")
d <- read.csv("design_extra.csv")   # the numbers as Paradox reads them (xbig printed to 15 digits)
cat("R", R.version.string, "survey", as.character(packageVersion("survey")), "\n")
out <- function(label, values) cat(label, format(values, digits = 17), "\n")
paradox_name <- function(name) sub("^g(g[0-9])$", "g[\\1]", name)
coefficients_of <- function(label, fit, ci) {
  s <- summary(fit)$coefficients
  for (i in seq_len(nrow(s))) out(paste(label, paradox_name(rownames(s)[i])), c(s[i, ], ci[i, ]))
}
answers <- sort(unique(d$answer))

# Frequency weights (fw): a row stands for fw identical rows, so R replicates them (SPSS WEIGHT BY,
# Stata [fweight]): means with sd/sqrt(N) on N - 1 df, lm on the replicated rows, its ANOVA F.
dx <- d[rep(seq_len(nrow(d)), d$fw), ]
for (v in c("x1", "y")) {
  x <- dx[[v]][!is.na(dx[[v]])]
  N <- length(x); se <- sd(x) / sqrt(N)
  out(paste("mean frequency", v), c(mean(x), se, N - 1, mean(x) + c(-1, 1) * qt(0.975, N - 1) * se))
}
for (a in answers) {
  x <- as.numeric(dx$answer == a); N <- length(x)
  out(paste("level frequency", a), c(mean(x), sd(x) / sqrt(N), sum(x)))
}
out("cor frequency", cor(na.omit(dx[, c("x1", "x2", "y")]))[upper.tri(diag(3))])
# Analytic weights (w): lm(weights = w), Stata [aweight].
for (v in c("x1", "y")) {
  fit <- lm(as.formula(paste(v, "~ 1")), data = d, weights = w)
  out(paste("mean analytic", v), c(coef(summary(fit))[1, 1:2], fit$df.residual, confint(fit)[1, ]))
}
# Weighted counts with the weights rescaled to sum to n (Stata's tabulate [aweight]).
for (a in answers) {
  fit <- lm(I(as.numeric(answer == a)) ~ 1, data = d, weights = w)
  out(paste("level analytic", a), c(coef(summary(fit))[1, 1:2], sum(d$w * nrow(d) / sum(d$w) * (d$answer == a))))
}
# Effective n of each mean's rows: the n of its SEs and df, i.e. the replicated rows' count under
# frequency weights (each stands for fw rows of weight 1) and the rows' count under analytic
# weights (precisions, not sampling weights: Stata's mean [aweight] reports n, no Kish effective n).
for (v in c("x1", "y")) {
  out(paste("neff frequency", v), sum(!is.na(dx[[v]])))
  out(paste("neff analytic", v), sum(!is.na(d[[v]])))
}
cc <- na.omit(d[, c("x1", "x2", "y", "w")])
out("cor analytic", cov.wt(cc[, 1:3], wt = cc$w, cor = TRUE)$cor[upper.tri(diag(3))])
for (type in c("frequency", "analytic")) {
  for (model in c("y_model", "y_factor", "y_by_g")) {
    f <- switch(model, y_model = y ~ x1 + x2, y_factor = y ~ x1 + g, y_by_g = y ~ g)
    fit <- if (type == "frequency") lm(f, data = dx) else lm(f, data = d, weights = w)
    out(paste("reg", type, model, "df"), fit$df.residual)
    coefficients_of(paste("reg", type, model), fit, confint(fit))
    fs <- summary(fit)$fstatistic
    out(paste("regF", type, model), c(fs, pf(fs[1], fs[2], fs[3], lower.tail = FALSE)))
  }
}

# Sampling weights: a factor predictor beside a numeric one (svyglm) under design.R's four designs
# (strata, PSUs and fpc; strata and PSUs; each row its own PSU; strata with each row its own PSU),
# and the full plan under strata + fpc with rows as PSUs (rowsfpc).
full <- svydesign(ids = ~psu, strata = ~stratum, fpc = ~N_h, weights = ~w, data = d)
nofpc <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d)
rows <- svydesign(ids = ~1, weights = ~w, data = d)
strata <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = d)
rowsfpc <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N_rows, weights = ~w, data = d)
for (nm in c("full", "nofpc", "rows", "strata", "rowsfpc")) {
  des <- get(nm)
  models <- list(y_factor = y ~ x1 + g, y_by_g = y ~ g)
  for (model in names(models)) {
    fit <- svyglm(models[[model]], des)
    out(paste("reg", nm, model, "df"), fit$df.residual)
    coefficients_of(paste("reg", nm, model), fit, confint(fit, ddf = fit$df.residual))
    tst <- regTermTest(fit, as.formula(paste("~", paste(attr(terms(fit), "term.labels"), collapse = "+"))))
    out(paste("regF", nm, model), c(tst$Ftest, tst$df, tst$ddf, tst$p))
  }
}
for (v in c("x1", "y")) {
  m <- svymean(as.formula(paste0("~", v)), rowsfpc, na.rm = TRUE, deff = TRUE)
  mr <- svymean(as.formula(paste0("~", v)), rowsfpc, na.rm = TRUE, deff = "replace")
  t <- svytotal(as.formula(paste0("~", v)), rowsfpc, na.rm = TRUE)
  sub <- subset(rowsfpc, !is.na(d[[v]]))
  out(paste("mean rowsfpc", v), c(coef(m), SE(m), deff(m), deff(mr), coef(t), SE(t), degf(sub), confint(m, df = degf(sub))))
}
p <- svymean(~answer, rowsfpc, deff = TRUE); tt <- svytotal(~answer, rowsfpc)
for (i in seq_along(coef(p))) out(paste("level rowsfpc", sub("^answer", "", names(coef(p))[i])), c(coef(p)[i], SE(p)[i], deff(p)[i], coef(tt)[i], SE(tt)[i]))
V <- svyvar(~x1 + x2 + y, rowsfpc, na.rm = TRUE)
out("cor rowsfpc", cov2cor(as.matrix(V))[upper.tri(diag(3))])
fit <- svyglm(y ~ x1 + x2, rowsfpc)
out("reg rowsfpc y_model df", fit$df.residual)
coefficients_of("reg rowsfpc y_model", fit, confint(fit, ddf = fit$df.residual))

# A predictor near 1e6 (xbig = 1e6 + x1) with each row its own PSU (strata): svyglm's QR fit
# ("wide direct"), and the same model with the predictor centred exactly (xbig - 1e6 = x1 to the
# digits read), mapped back to xbig's intercept: (a - 1e6 b, V00 - 2e6 V01 + 1e12 V11). The slopes
# and their SEs do not depend on the centring; "wide" is the reference, "wide direct" shows R's own
# accuracy on the raw predictor.
fit <- svyglm(y ~ xbig + x2, strata)
coefficients_of("reg wide direct", fit, confint(fit, ddf = fit$df.residual))
cfit <- svyglm(y ~ I(xbig - 1e6) + x2, strata)
b <- coef(cfit); V <- vcov(cfit)
J <- rbind(c(1, -1e6, 0), c(0, 1, 0), c(0, 0, 1))
est <- as.vector(J %*% b); se <- sqrt(diag(J %*% V %*% t(J)))
tval <- est / se; df <- cfit$df.residual
out("reg wide df", df)
for (i in 1:3) out(paste("reg wide", c("(Intercept)", "xbig", "x2")[i]),
                   c(est[i], se[i], tval[i], 2 * pt(-abs(tval[i]), df), est[i] + c(-1, 1) * qt(0.975, df) * se[i]))
m <- svymean(~xbig, strata)
out("mean wide xbig", c(coef(m), SE(m)))
