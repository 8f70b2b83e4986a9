# Reference weights for WeightCLITests (Paradox): raking of wave.csv to targets.yml.
# Run: Rscript raking.R > raking_R.txt   (writes wave.csv first)
suppressMessages(library(survey))
options(digits = 17)
set.seed(1940)
n <- 60
d <- data.frame(
  id = sprintf("r%02d", 1:n),
  age_group = sample(c("18-34", "35-54", "55+"), n, replace = TRUE, prob = c(0.45, 0.35, 0.2)),
  gender = sample(c("female", "male"), n, replace = TRUE, prob = c(0.4, 0.6)),
  region = sample(c("north", "south", "east"), n, replace = TRUE),
  q1 = sample(1:5, n, replace = TRUE))
write.csv(d, "wave.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "survey", as.character(packageVersion("survey")), "\n")
# targets.yml: proportions, scaled to n (mean weight 1)
pop <- list(
  data.frame(age_group = c("18-34", "35-54", "55+"), Freq = n * c(0.28, 0.36, 0.36)),
  data.frame(gender = c("female", "male"), Freq = n * c(0.51, 0.49)),
  data.frame(region = c("north", "south", "east"), Freq = n * c(0.3, 0.45, 0.25)))
des <- svydesign(ids = ~1, weights = ~rep(1, n), data = d)
raked <- rake(des, list(~age_group, ~gender, ~region), pop, control = list(epsilon = 1e-12, maxit = 1000))
early <- rake(des, list(~age_group, ~gender, ~region), pop)
w <- weights(raked)
cat("weights", format(w, digits = 17), "\n")
cat("early_max_relative_difference", format(max(abs(weights(early) - w) / w), digits = 17), "\n")
cat("kish_deff", format(n * sum(w^2) / sum(w)^2, digits = 17), "\n")
cat("quantiles", format(quantile(w, c(0, 0.25, 0.5, 0.75, 1)), digits = 17), "\n")
cat("svymean_q1", format(c(coef(svymean(~q1, raked)), SE(svymean(~q1, raked))), digits = 17), "\n")
