// The `griot` command's entry point (and dist/main.js once built): it checks the Node.js
// release before loading anything else, since an unsupported one fails while the CLI's imports
// are still loading, far from any useful message.
import { nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node, process.features.require_module);
if (problem) {
  console.error(problem);
  process.exit(1);
}
await import('./main.ts');
