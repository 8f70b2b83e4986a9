# Design-based reference values for DesignEstimatorTests (Paradox).
# Run: Rscript design.R > design_R.txt   (writes design.csv first, then the expected values)
# The four designs: strata, PSUs and fpc; strata and PSUs; each row its own PSU; strata with each row its own PSU.
# Lonely PSUs: options(survey.lonely.psu = "fail") — Paradox refuses a stratum with one PSU, as R does.
suppressMessages(library(survey))
options(survey.lonely.psu = "fail", digits = 17)
set.seed(19)
n <- 48
stratum <- rep(c("a", "b", "c"), times = c(14, 18, 16))
psu <- c(rep(1:3, times = c(5, 4, 5)), rep(4:7, times = c(4, 5, 5, 4)), rep(8:10, times = c(6, 5, 5)))
N_h <- c(a = 12, b = 20, c = 9)[stratum]
w <- round(runif(n, 0.5, 4), 3)
fw <- sample(1:4, n, replace = TRUE)
x1 <- round(rnorm(n, 3, 1), 2)
x2 <- sample(1:5, n, replace = TRUE)
g <- sample(c("g1", "g2", "g3"), n, replace = TRUE)
y <- round(1 + 0.6 * x1 - 0.3 * x2 + (g == "g2") * 0.8 + rnorm(n) + 0.5 * (psu %% 3), 3)
answer <- sample(c("agree", "neutral", "disagree", "dont_know"), n, replace = TRUE)
y[c(7, 30)] <- NA
d <- data.frame(stratum, psu, N_h, w, fw, x1, x2, g, y, answer)
write.csv(d, "design.csv", row.names = FALSE, na = "")
cat("R", R.version.string, "survey", as.character(packageVersion("survey")), "\n")
full <- svydesign(ids = ~psu, strata = ~stratum, fpc = ~N_h, weights = ~w, data = d)
nofpc <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d)
rows <- svydesign(ids = ~1, weights = ~w, data = d)
strata <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = d)
out <- function(label, values) cat(label, format(values, digits = 17), "\n")
for (nm in c("full", "nofpc", "rows", "strata")) {
  des <- get(nm)
  for (v in c("x1", "y")) {
    m <- svymean(as.formula(paste0("~", v)), des, na.rm = TRUE, deff = TRUE)
    mr <- svymean(as.formula(paste0("~", v)), des, na.rm = TRUE, deff = "replace")
    t <- svytotal(as.formula(paste0("~", v)), des, na.rm = TRUE)
    sub <- subset(des, !is.na(d[[v]]))
    ci <- confint(m, df = degf(sub))
    out(paste("mean", nm, v), c(coef(m), SE(m), deff(m), deff(mr), coef(t), SE(t), degf(sub), ci))
  }
  cat("freq", nm, "\n")
  p <- svymean(~answer, des, deff = TRUE); tt <- svytotal(~answer, des)
  for (i in seq_along(coef(p))) out(paste("level", nm, names(coef(p))[i]), c(coef(p)[i], SE(p)[i], deff(p)[i], coef(tt)[i], SE(tt)[i]))
  V <- svyvar(~x1 + x2 + y, des, na.rm = TRUE)
  out(paste("cor", nm), cov2cor(as.matrix(V))[upper.tri(diag(3))])
  fit <- svyglm(y ~ x1 + x2, des)
  s <- summary(fit)$coefficients
  out(paste("reg", nm, "df"), fit$df.residual)
  for (i in 1:3) out(paste("reg", nm, rownames(s)[i]), c(s[i, ], confint(fit, ddf = fit$df.residual)[i, ]))
  gfit <- svyglm(y ~ g, des)
  tst <- regTermTest(gfit, ~g)
  out(paste("wald", nm), c(tst$Ftest, tst$df, tst$ddf, tst$p))
}
# The three weight types on one variable (y, complete cases): the three variances of one weighted mean.
cc <- d[!is.na(d$y), ]
samp <- svymean(~y, svydesign(ids = ~1, weights = ~fw, data = cc))
rep_y <- rep(cc$y, cc$fw)
an <- summary(lm(y ~ 1, data = cc, weights = fw))$coefficients
out("types sampling", c(coef(samp), SE(samp)))
out("types frequency", c(mean(rep_y), sd(rep_y) / sqrt(length(rep_y)), length(rep_y) - 1))
out("types analytic", c(an[1, 1], an[1, 2], nrow(cc) - 1))
fr <- summary(lm(y ~ x1 + x2, data = d[rep(seq_len(n), d$fw), ]))$coefficients
ar <- summary(lm(y ~ x1 + x2, data = d, weights = fw))$coefficients
for (i in 1:3) out(paste("typesreg frequency", rownames(fr)[i]), fr[i, ])
for (i in 1:3) out(paste("typesreg analytic", rownames(ar)[i]), ar[i, ])
# A lonely PSU: stratum "a" with one PSU.
lonely <- d; lonely$psu[lonely$stratum == "a"] <- 1
r <- tryCatch(svymean(~x1, svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = lonely)), error = function(e) conditionMessage(e))
cat("lonely", r, "\n")
