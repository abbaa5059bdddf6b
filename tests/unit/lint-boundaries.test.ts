// @vitest-environment node
/**
 * The layers of src are enforced by the linter (eslint.config.js): an import that goes up a layer,
 * across features, or round a cycle fails `npm run lint`. Each case lints a line of code as if it
 * were in a file of src, with the project's own configuration.
 */
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the layers the linter enforces', { timeout: 60_000 }, () => {
  it('fails an import from a higher layer', async () => {
    expect(
      await rulesBroken("import { useExplorerStore } from '../store';\nexport const x = useExplorerStore;\n", 'src/domain/x.ts'),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken("import { snapshotAt } from '../domain/snapshot';\nexport const x = snapshotAt;\n", 'src/data/x.ts'),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken("import type { Dataset } from '../data/schema';\nexport type X = Dataset;\n", 'src/lib/x.ts'),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken("import { MapView } from '../features/graph';\nexport const x = MapView;\n", 'src/components/x.ts'),
    ).toContain('import-x/no-restricted-paths');
    // Any module of src/app will do: a feature importing it breaks the rule, a component beside it does not.
    const appModule = readdirSync('src/app')
      .find((name) => /\.tsx?$/.test(name))
      ?.replace(/\.tsx?$/, '');
    expect(
      await rulesBroken(`import '../../components/ViewActions';\nimport '../../app/${appModule}';\n`, 'src/features/orgs/x.ts'),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('fails one feature importing another', async () => {
    expect(
      await rulesBroken("import { MapView } from '../graph';\nexport const x = MapView;\n", 'src/features/orgs/x.ts'),
    ).toContain('import-x/no-restricted-paths');
  });

  it('fails an import cycle', async () => {
    // snapshot.ts imports months.ts: months.ts importing snapshot.ts would close the loop.
    expect(
      await rulesBroken("import { snapshotAt } from './snapshot';\nexport const x = snapshotAt;\n", 'src/domain/months.ts'),
    ).toContain('import-x/no-cycle');
  });

  it('passes imports that go down the layers or stay inside a feature', async () => {
    const code = [
      "import { formatMonth } from '../../domain/months';",
      "import { useExplorerStore } from '../../store';",
      "import { ViewActions } from '../../components/ViewActions';",
      "import { existenceAt } from './organisation-view';",
      'export const x = [formatMonth, useExplorerStore, ViewActions, existenceAt];',
      '',
    ].join('\n');
    expect(await rulesBroken(code, 'src/features/orgs/x.ts')).toEqual([]);
  });
});
