// Measures tree-sitter's C parser on its own. Its times are the floor for the Java engine.
//
//   ts_baseline parse LISTFILE   parses every file named in LISTFILE (one path a line) as UTF-8.
//   ts_baseline edit FILE N      parses FILE once. Then it appends a letter to the first name
//                                before " = " past the middle and re-parses incrementally, and
//                                deletes the letter and re-parses again, N times each.
//
// Times are CPU time of this thread (CLOCK_THREAD_CPUTIME_ID), so other load on the machine
// changes them less than wall time. benchmarks/native/build.sh builds this program against the
// runtime and grammar sources that the server build compiled.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *read_file(const char *path, long *length) {
  FILE *file = fopen(path, "rb");
  if (file == NULL) {
    return NULL;
  }
  fseek(file, 0, SEEK_END);
  *length = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *data = malloc(*length + 2);
  if (data == NULL || fread(data, 1, *length, file) != (size_t)*length) {
    fclose(file);
    free(data);
    return NULL;
  }
  fclose(file);
  data[*length] = '\0';
  return data;
}

static int parse_list(const char *list_path) {
  FILE *list = fopen(list_path, "r");
  if (list == NULL) {
    fprintf(stderr, "error: cannot open the file list %s\n", list_path);
    return 2;
  }
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  char path[4096];
  long files = 0, bytes = 0;
  double parse_ms = 0;

  while (fgets(path, sizeof path, list) != NULL) {
    path[strcspn(path, "\n")] = '\0';
    long length;
    char *data = read_file(path, &length);
    if (data == NULL) {
      fprintf(stderr, "error: cannot read %s\n", path);
      continue;
    }
    double start = now_ms();
    TSTree *tree = ts_parser_parse_string(parser, NULL, data, (uint32_t)length);
    ts_tree_delete(tree);
    parse_ms += now_ms() - start;
    files++;
    bytes += length;
    free(data);
  }
  fclose(list);
  ts_parser_delete(parser);

  printf("{\"files\": %ld, \"bytes\": %ld, \"parseCpuMs\": %.1f, \"mbPerS\": %.2f}\n", files, bytes,
         parse_ms, bytes / 1e3 / parse_ms);
  return 0;
}

static TSPoint point_at(const char *text, long index) {
  TSPoint point = {0, 0};
  long line_start = 0;
  for (long i = 0; i < index; i++) {
    if (text[i] == '\n') {
      point.row++;
      line_start = i + 1;
    }
  }
  point.column = (uint32_t)(index - line_start);
  return point;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int edit_file(const char *path, int rounds) {
  long length;
  char *original = read_file(path, &length);
  if (original == NULL) {
    fprintf(stderr, "error: cannot read %s\n", path);
    return 2;
  }
  char *found = strstr(original + length / 2, " = ");
  while (found != NULL && !(isalpha((unsigned char)found[-1]) || found[-1] == '_')) {
    found = strstr(found + 1, " = ");
  }
  if (found == NULL) {
    fprintf(stderr, "error: no assignment after the middle of %s\n", path);
    return 2;
  }
  long index = found - original;
  char *edited = malloc(length + 2);
  memcpy(edited, original, index);
  edited[index] = 'x';
  memcpy(edited + index + 1, original + index, length - index + 1);

  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  double start = now_ms();
  TSTree *tree = ts_parser_parse_string(parser, NULL, original, (uint32_t)length);
  double full_ms = now_ms() - start;

  TSPoint at = point_at(original, index);
  TSPoint after = {at.row, at.column + 1};
  TSInputEdit insert = {(uint32_t)index, (uint32_t)index, (uint32_t)index + 1, at, at, after};
  TSInputEdit delete = {(uint32_t)index, (uint32_t)index + 1, (uint32_t)index, at, after, at};
  double *times = malloc(sizeof(double) * rounds * 2);
  for (int i = 0; i < rounds * 2; i++) {
    int inserting = i % 2 == 0;
    ts_tree_edit(tree, inserting ? &insert : &delete);
    const char *text = inserting ? edited : original;
    uint32_t text_length = (uint32_t)(inserting ? length + 1 : length);
    start = now_ms();
    TSTree *next = ts_parser_parse_string(parser, tree, text, text_length);
    times[i] = now_ms() - start;
    ts_tree_delete(tree);
    tree = next;
  }
  qsort(times, rounds * 2, sizeof(double), compare_doubles);
  printf("{\"file\": \"%s\", \"bytes\": %ld, \"line\": %u, \"fullParseCpuMs\": %.2f, "
         "\"incrementalMedianCpuMs\": %.3f, \"edits\": %d}\n",
         path, length, at.row + 1, full_ms, times[rounds], rounds * 2);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  free(times);
  free(edited);
  free(original);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "parse") == 0) {
    return parse_list(argv[2]);
  }
  if (argc == 4 && strcmp(argv[1], "edit") == 0) {
    return edit_file(argv[2], atoi(argv[3]));
  }
  fprintf(stderr, "usage: ts_baseline parse LISTFILE | ts_baseline edit FILE ROUNDS\n");
  return 2;
}
