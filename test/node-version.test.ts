import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { SUPPORTED_NODE, nodeVersionProblem } from '../src/node-version.ts';

const run = promisify(execFile);

test('releases with require(esm) on by default are accepted', () => {
  for (const version of [
    '20.19.0',
    '20.20.2',
    'v20.19.1',
    '22.12.0',
    '22.21.1',
    '23.0.0',
    '24.11.1',
  ])
    assert.equal(nodeVersionProblem(version, true), undefined, version);
});

test('older releases are refused with the versions that work', () => {
  for (const version of ['20.9.0', '20.18.3', '21.7.3', '22.0.0', '22.11.0', '18.20.8', '19.0.0']) {
    const problem = nodeVersionProblem(version, undefined);
    assert.ok(problem, version);
    assert.match(problem, /Node\.js 20\.19 or later on the 20 line, or 22\.12 or later/);
    assert.ok(problem.includes(`this is Node.js ${version}`));
  }
});

test('a supported release with require(esm) turned off is refused', () => {
  assert.match(nodeVersionProblem('20.20.2', false) ?? '', /require\(esm\).*turned off/);
});

test('package.json engines, .nvmrc and this machine agree with the check', async () => {
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } };
  assert.equal(pkg.engines.node, SUPPORTED_NODE);
  const nvmrc = (await readFile('.nvmrc', 'utf8')).trim();
  assert.equal(nodeVersionProblem(`${nvmrc}.0`, true), undefined, `.nvmrc names ${nvmrc}`);
  assert.equal(
    nodeVersionProblem(process.versions.node, process.features.require_module),
    undefined,
  );
});

test('the griot command says why it cannot run instead of crashing in node_modules', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-node-'));
  try {
    await assert.rejects(
      run(
        process.execPath,
        ['--no-experimental-require-module', '--import', 'tsx', 'src/griot.ts', 'migrate'],
        { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
      ),
      (err: { code: number; stderr: string }) => {
        assert.equal(err.code, 1);
        assert.match(err.stderr, /^Griot needs require\(esm\), which is turned off/);
        return true;
      },
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
