// The floor of an SPSS import: ReadStat parsing a .sav with a value callback that only sums the
// numbers and the strings' lengths (no formatting, no writing), for ImportBenchmark's export.sav.
//
//     gcc -O2 readstat_floor.c -o readstat_floor -lreadstat && /usr/bin/time -f "%e s %U user %S sys %M kB" ./readstat_floor export.sav
#include <readstat.h>
#include <stdio.h>
#include <string.h>
static long cells = 0; static double sum = 0; static long textbytes = 0;
static int meta(readstat_metadata_t *m, void *ctx) { return READSTAT_HANDLER_OK; }
static int var(int i, readstat_variable_t *v, const char *l, void *ctx) { return READSTAT_HANDLER_OK; }
static int value(int obs, readstat_variable_t *v, readstat_value_t val, void *ctx) {
  cells++; if (readstat_value_type(val) == READSTAT_TYPE_DOUBLE) sum += readstat_double_value(val);
  else if (readstat_value_type(val) == READSTAT_TYPE_STRING) { const char *s = readstat_string_value(val); if (s) textbytes += strlen(s); }
  return READSTAT_HANDLER_OK; }
int main(int argc, char **argv) {
  readstat_parser_t *p = readstat_parser_init();
  readstat_set_metadata_handler(p, meta);
  readstat_set_variable_handler(p, var);
  readstat_set_value_handler(p, value);
  readstat_error_t e = readstat_parse_sav(p, argv[1], NULL);
  printf("status %d cells %ld sum %g text %ld\n", e, cells, sum, textbytes); return 0; }
