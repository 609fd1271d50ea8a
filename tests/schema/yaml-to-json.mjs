// Converts each YAML file to a JSON file in an output folder, the way a
// YAML language server reads it (YAML 1.2 core schema, duplicate keys and
// invalid UTF-8 rejected). A file that cannot be read as YAML gets no JSON
// file and its name is printed on stdout.
// Usage: node yaml-to-json.mjs OUTDIR FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";

const [outdir, ...files] = process.argv.slice(2);
const utf8 = new TextDecoder("utf-8", { fatal: true });
for (const file of files) {
  let data;
  try {
    data = parse(utf8.decode(readFileSync(file)), { schema: "core" });
  } catch (error) {
    console.log(`${file}: not YAML: ${error.message.split("\n")[0]}`);
    continue;
  }
  writeFileSync(join(outdir, basename(file) + ".json"), JSON.stringify(data));
}
