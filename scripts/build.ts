// Compiles the server for production: src/main.ts and everything it imports, bundled by esbuild
// into ES modules under dist/ (packages stay in node_modules; a module imported on demand gets a
// chunk of its own, so it is still loaded only when used), with the static assets it reads from
// disk. Running compiled JavaScript instead of TypeScript through tsx saves ~45 MB of resident
// memory in the server (the transformed sources, their inline source maps and tsx's loader)
// and ~50 MB more for tsx's own parent process.
//   npm run build      (npm start runs it first; then: node dist/main.js start)
// dist/main.js is src/griot.ts, which checks the Node.js release before loading src/main.ts.
import { build } from 'esbuild';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const outdir = path.resolve('dist');
const started = performance.now();
const { outputFiles } = await build({
  entryPoints: { main: 'src/griot.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir,
  // Written beside the code, read only when asked for: NODE_OPTIONS=--enable-source-maps.
  sourcemap: true,
  write: false,
  logLevel: 'warning',
});
await mkdir(outdir, { recursive: true });
// Each file is written aside and renamed into place, so a process starting meanwhile never
// reads half a file.
for (const file of outputFiles) {
  const temp = `${file.path}.${process.pid}.tmp`;
  await writeFile(temp, file.contents);
  await rename(temp, file.path);
}
const fresh = new Set(outputFiles.map((file) => file.path));
for (const name of await readdir(outdir))
  if (/\.js(\.map)?$/.test(name) && !fresh.has(path.join(outdir, name)))
    await rm(path.join(outdir, name));
// src/web/assets.ts reads its files beside itself (`./assets/…` from import.meta.url), and every
// compiled module sits directly in dist/.
await rm(path.join(outdir, 'assets'), { recursive: true, force: true });
await cp('src/web/assets', path.join(outdir, 'assets'), { recursive: true });
const kb = outputFiles.reduce((sum, file) => sum + file.contents.length, 0) / 1024;
console.log(
  `Built dist/ (${outputFiles.length} files, ${Math.round(kb)} KB) in ${Math.round(performance.now() - started)} ms`,
);
