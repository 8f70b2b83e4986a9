# Reference values for the comparison of the fixture waves (WaveComparisonTests).
# Run from this folder:  Rscript reference.R > reference-R.json
# Tool: R 4.2.2 (base stats: aov, oneway.test, t.test) with jsonlite for output; Hedges' g by hand
# (effsize is not installed): g = J * (M_last - M_first) / s_pooled, J = 1 - 3 / (4 (n1 + n2) - 9).
suppressMessages(library(jsonlite))

read_wave <- function(file) {
  d <- read.csv(file, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  likert <- grep("^(PC|TR|IN|AT|PB|PR|TRU|COMF)", names(d), value = TRUE)
  for (v in likert) d[[v]][d[[v]] %in% c(98, 99)] <- NA   # user-missing codes
  d
}
# Scale score as the codebook defines it: mean of the answered keyed items, NA below min_items.
score <- function(d, items, reverse = character(), min_items = length(items)) {
  m <- sapply(items, function(i) if (i %in% reverse) 6 - d[[i]] else d[[i]])
  answered <- rowSums(!is.na(m))
  ifelse(answered >= min_items, rowMeans(m, na.rm = TRUE), NA)
}
waves <- c("wave-1", "wave-2", "wave-3")
data <- lapply(waves, function(w) read_wave(paste0(w, ".csv")))
variable <- function(d, name) switch(name,
  privacy_concern = score(d, c("PC1", "PC2", "PC3", "PC4"), min_items = 3),
  trust = score(d, c("TRU1", "TRU2", "TRU3", "TRU4"), reverse = "TRU4", min_items = 3),
  d[[name]])

reference <- list()
for (name in c("privacy_concern", "trust", "PC1", "TRU4", "COMF")) {
  values <- lapply(data, variable, name = name)
  by_wave <- lapply(seq_along(waves), function(i) {
    x <- values[[i]][!is.na(values[[i]])]
    ci <- t.test(x)$conf.int
    list(wave = waves[i], n = length(x), mean = mean(x), sd = sd(x), conf_low = ci[1], conf_high = ci[2])
  })
  long <- data.frame(y = unlist(values), wave = factor(rep(waves, sapply(values, length)), levels = waves))
  long <- long[!is.na(long$y), ]
  fit <- summary(aov(y ~ wave, data = long))[[1]]
  ss_between <- fit[1, "Sum Sq"]; ss_within <- fit[2, "Sum Sq"]; ms_within <- fit[2, "Mean Sq"]
  welch <- oneway.test(y ~ wave, data = long, var.equal = FALSE)
  first <- long$y[long$wave == waves[1]]; last <- long$y[long$wave == waves[3]]
  change <- t.test(last, first, var.equal = FALSE)
  n1 <- length(first); n2 <- length(last)
  s_pooled <- sqrt(((n1 - 1) * var(first) + (n2 - 1) * var(last)) / (n1 + n2 - 2))
  reference[[name]] <- list(
    by_wave = by_wave,
    anova = list(statistic = fit[1, "F value"], df = fit[1, "Df"], df_residual = fit[2, "Df"], p_value = fit[1, "Pr(>F)"],
                 eta_squared = ss_between / (ss_between + ss_within),
                 omega_squared = (ss_between - fit[1, "Df"] * ms_within) / (ss_between + ss_within + ms_within)),
    welch = list(statistic = unname(welch$statistic), df = unname(welch$parameter[1]),
                 df_residual = unname(welch$parameter[2]), p_value = welch$p.value),
    change = list(estimate = mean(last) - mean(first), conf_low = change$conf.int[1], conf_high = change$conf.int[2],
                  statistic = unname(change$statistic), df = unname(change$parameter), p_value = change$p.value,
                  hedges_g = (1 - 3 / (4 * (n1 + n2) - 9)) * (mean(last) - mean(first)) / s_pooled))
}
provenance <- paste0(R.version.string, "; aov(y ~ wave), oneway.test(y ~ wave, var.equal = FALSE), ",
                     "t.test(x) per wave, t.test(last, first, var.equal = FALSE); Hedges' g by hand")
cat(toJSON(list(provenance = provenance, variables = reference), auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
