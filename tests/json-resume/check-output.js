// check-output.js FILE FLAVOR: the rules every JSON Resume output keeps:
// no null, no empty string, array or object, dates as YYYY, YYYY-MM or
// YYYY-MM-DD, every array item a string or an object, and for the
// jsonresume flavour only the schema's top-level keys.
const fs = require("fs");
const [file, flavor] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(file, "utf8"));
const problems = [];
const dateKey = /^(date|startDate|endDate|releaseDate)$/;
function walk(value, path) {
  if (value === null) problems.push(`${path} is null`);
  else if (typeof value === "string") {
    if (value === "") problems.push(`${path} is ""`);
    const key = path.split(".").pop();
    if (dateKey.test(key) && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
      problems.push(`${path} is not an ISO date: ${value}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) problems.push(`${path} is []`);
    value.forEach((item, i) => walk(item, `${path}[${i}]`));
  } else if (typeof value === "object") {
    if (Object.keys(value).length === 0) problems.push(`${path} is {}`);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  } else {
    problems.push(`${path} is a ${typeof value}, not a string`);
  }
}
walk(doc, "$");
if (flavor === "jsonresume") {
  const allowed = new Set(["$schema", "basics", "work", "volunteer",
    "education", "awards", "certificates", "publications", "skills",
    "languages", "interests", "references", "projects", "meta"]);
  for (const key of Object.keys(doc))
    if (!allowed.has(key)) problems.push(`top-level key ${key}`);
}
if (problems.length) {
  console.error(`${file}:\n  ` + problems.join("\n  "));
  process.exit(1);
}
