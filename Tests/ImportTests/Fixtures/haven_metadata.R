# The codebook metadata of survey.sav and survey.dta as R's haven reads them, for StatisticalImportTests
# to compare with what `paradox import` makes of the same files. Run here:
#   Rscript haven_metadata.R > haven_metadata.json
# (R 4.2.2, haven 2.5.1, jsonlite 1.8.4; Debian r-base-core, r-cran-haven, r-cran-jsonlite.)
# Per variable: its label, its value labels (code → label, codes as haven prints them), and its
# missing values: SPSS user-missing codes (na_values) and range (na_range) from
# read_sav(user_na = TRUE); Stata's tagged missing values (.a–.z) that occur, with their labels, from
# read_dta (haven keeps them as tagged NA: na_tag()).
suppressPackageStartupMessages({ library(haven); library(jsonlite) })

variable <- function(column, stata) {
  labels <- attr(column, "labels")
  value_labels <- setNames(list(), character(0))
  if (!is.null(labels)) {
    for (i in seq_along(labels)) {
      code <- labels[[i]]
      key <- if (stata && is.na(code) && !is.na(na_tag(code))) paste0(".", na_tag(code)) else format(code, scientific = FALSE)
      value_labels[[key]] <- names(labels)[i]
    }
  }
  out <- list(label = if (is.null(attr(column, "label"))) NA else attr(column, "label"),
              value_labels = value_labels)
  if (stata) {
    tags <- if (is.numeric(column)) sort(unique(na.omit(na_tag(column)))) else character(0)
    out$tagged_missing <- if (length(tags) == 0) list() else as.list(paste0(".", tags))
  } else {
    out$na_values <- if (is.null(attr(column, "na_values"))) list() else as.list(attr(column, "na_values"))
    out$na_range <- if (is.null(attr(column, "na_range"))) list() else as.list(attr(column, "na_range"))
  }
  out
}

sav <- read_sav("survey.sav", user_na = TRUE)
dta <- read_dta("survey.dta")
result <- list(
  provenance = sprintf("R %s, haven %s, jsonlite %s: Rscript haven_metadata.R", getRversion(), packageVersion("haven"), packageVersion("jsonlite")),
  sav = lapply(sav, variable, stata = FALSE),
  dta = lapply(dta, variable, stata = TRUE)
)
cat(toJSON(result, auto_unbox = TRUE, pretty = TRUE, na = "null", digits = NA), "\n")
