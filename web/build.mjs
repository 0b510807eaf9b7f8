// Builds the page's assets into ../quiquoi/web/static/ (committed, shipped in the wheel):
// app.js (our sources + d3 + topojson-client, bundled and minified), app.css, index.html,
// world boundaries (world-atlas) and the API docs page (swagger-ui-dist). Nothing is fetched
// at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "quiquoi", "web", "static");
const mod = (p) => join(here, "node_modules", p);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "docs"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
await build({
  entryPoints: [join(here, "src", "style.css")],
  bundle: true,
  minify: true,
  outfile: join(out, "app.css"),
  logLevel: "warning",
});

const copies = [
  [join(here, "src", "index.html"), join(out, "index.html")],
  [mod("world-atlas/countries-110m.json"), join(out, "countries-110m.json")],
  [join(here, "src", "docs.html"), join(out, "docs", "index.html")],
  [join(here, "src", "docs-init.js"), join(out, "docs", "docs-init.js")],
  [mod("swagger-ui-dist/swagger-ui-bundle.js"), join(out, "docs", "swagger-ui-bundle.js")],
  [mod("swagger-ui-dist/swagger-ui.css"), join(out, "docs", "swagger-ui.css")],
];
for (const [from, to] of copies) copyFileSync(from, to);

// licences of what we ship, with the versions actually bundled
const shipped = ["d3", "topojson-client", "world-atlas", "swagger-ui-dist"];
const notice = ["Third-party software bundled in quiquoi/web/static (built by web/build.mjs from npm):", ""];
for (const name of shipped) {
  const pkg = JSON.parse(readFileSync(mod(`${name}/package.json`), "utf8"));
  notice.push(`== ${name} ${pkg.version} (${pkg.license}) ${pkg.homepage || ""}`.trim());
  for (const f of ["LICENSE", "LICENSE.md", "NOTICE"]) {
    try { notice.push(readFileSync(mod(`${name}/${f}`), "utf8").trim()); } catch { /* not shipped by this package */ }
  }
  notice.push("");
}
notice.push("== world boundaries: Natural Earth (public domain), via world-atlas.");
notice.push("== d3 depends on d3-* modules (ISC) by the same authors; their licences are the same as d3's.");
writeFileSync(join(out, "NOTICE-web.txt"), notice.join("\n") + "\n");
console.log(`built ${out}`);
