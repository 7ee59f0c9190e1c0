// The functions a V8 CPU profile spent the most self time in, and the same time summed by package, as Markdown
// tables — how the per-request cost of bench:auth is read:
//
//   BENCH_ONLY=get BENCH_PROFILE_DIR=/tmp/prof npm run bench:auth
//   node packages/testkit/dist/bench/cpu-profile-top.js /tmp/prof/enforced-get.cpuprofile [count]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countArg] = process.argv.slice(2);
if (!file) {
  throw new Error("usage: cpu-profile-top <file.cpuprofile> [count]");
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));

const selfUs = new Map<string, number>();
const packageUs = new Map<string, number>();
let totalUs = 0;
let idleUs = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = frames.get(id);
  if (!frame) {
    return;
  }
  totalUs += delta;
  if (frame.functionName === "(idle)") {
    idleUs += delta;
  }
  const at = frame.url
    ? ` ${frame.url
        .replace(/^.*\/node_modules\//, "")
        .replace(/^.*\/packages\//, "packages/")
        .replace(/^file:\/\//, "")}:${frame.lineNumber + 1}`
    : "";
  const name = `${frame.functionName || "(anonymous)"}${at}`;
  selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
  const group = packageOf(frame.url, frame.functionName);
  packageUs.set(group, (packageUs.get(group) ?? 0) + delta);
});

/** `express`, `@keyward/server`, `node:http` …; native and V8 work by its own name. */
function packageOf(url: string, functionName: string): string {
  if (!url) {
    return functionName.startsWith("(") ? functionName : "(native)";
  }
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) {
    return inModules[1];
  }
  const inRepo = /\/packages\/([^/]+)\//.exec(url);
  if (inRepo?.[1]) {
    return `@keyward/${inRepo[1]}`;
  }
  const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
  return internal?.[1] ? `node:${internal[1].replace(/\.js$/, "")}` : url;
}

const busyUs = totalUs - idleUs;
const top = [...selfUs]
  .filter(([name]) => !name.startsWith("(idle)"))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(countArg ?? 10));
console.log(`busy ${(busyUs / 1e6).toFixed(1)} s of ${(totalUs / 1e6).toFixed(1)} s sampled`);
console.log("| # | Function (self time) | ms | % of busy |");
console.log("|---:|---|---:|---:|");
for (const [index, [name, us]] of top.entries()) {
  console.log(`| ${index + 1} | \`${name}\` | ${(us / 1000).toFixed(0)} | ${((100 * us) / busyUs).toFixed(1)} |`);
}

console.log("");
console.log("| Package (self time) | ms | % of busy |");
console.log("|---|---:|---:|");
for (const [name, us] of [...packageUs]
  .filter(([name]) => name !== "(idle)")
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(countArg ?? 10))) {
  console.log(`| ${name} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busyUs).toFixed(1)} |`);
}
