/**
 * Help texts for `bridge` and each command.
 */
export const MAIN_HELP = `bridge: run, check and format Bridge documents

Usage:
  bridge run <file.bridge> [--operation Type.field] [options]
  bridge check <files...> [--format text|json]
  bridge fmt [--write | --check] <files...>
  bridge <command> --help

Exit codes:
  0  success
  1  the bridge failed, a file has errors, or fmt --check found unformatted files
  2  bad command line (unknown option, missing argument, unreadable input)
`;

export const RUN_HELP = `bridge run: execute one operation of a .bridge file and print its data as JSON

Usage:
  bridge run <file.bridge> [--operation Type.field] [options]

Options:
  -o, --operation <Type.field>  operation to run (optional when the file has one bridge)
  -i, --input <json|@file|->    operation input: inline JSON, @path to a JSON file, or - for stdin
  -c, --context <json|@file|->  execution context, same forms as --input
  -t, --tools <module>          ES module exporting tools (default export object or named exports)
      --trace <basic|full>      print tool traces to stderr
  -f, --fields <a,b.*>          sparse fieldset: only these output fields
      --timeout <ms>            per-tool timeout in ms (default 15000; 0 disables)
  -h, --help                    show this help

The result is printed as JSON on stdout. On failure the error is printed on
stderr with the source line it points at, and the exit code is 1.
`;

export const CHECK_HELP = `bridge check: parse and lint .bridge files

Usage:
  bridge check <files...> [--format text|json]

Prints every diagnostic as file:line:column: severity: message (or one JSON
array with --format json, for editors and CI). Exits 1 when any file has an error.
`;

export const FMT_HELP = `bridge fmt: format .bridge files in the canonical layout

Usage:
  bridge fmt <files...>           print the formatted text to stdout
  bridge fmt --write <files...>   rewrite the files in place
  bridge fmt --check <files...>   list files that are not formatted; exit 1 if any
`;
