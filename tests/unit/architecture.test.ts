/**
 * The import rules of the project layout (README, "Project layout"), as lint enforces them: each
 * row is an import written in a file of one folder, and whether lint lets it through.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function allowed(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: file });
  return !result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('who may import whom', () => {
  it.each([
    ['core/model/probe.ts', "import { x } from '@/core/matching/matching';", true],
    ['core/model/probe.ts', "import { x } from '../../components/i18n/labels';", false],
    ['core/model/probe.ts', "import { x } from '@/tools/shared/dataset-files';", false],
    ['core/model/probe.ts', "import { x } from '@/entrypoints/shared/translator';", false],
    ['core/model/probe.ts', "import x from 'node:fs';", false],
    ['core/model/probe.ts', "import { browser as x } from 'wxt/browser';", false],
    ['core/model/probe.ts', "import { render as x } from 'preact';", false],
    ['components/probe.tsx', "import { x } from '@/core/model/schema';", true],
    ['components/probe.tsx', "import { browser as x } from 'wxt/browser';", false],
    ['components/probe.tsx', "import { x } from '@/tools/import/run';", false],
    ['entrypoints/popup/probe.ts', "import { x } from '@/components/PopupApp';", true],
    ['entrypoints/popup/probe.ts', "import { x } from '@/tools/shared/dataset-files';", false],
    ['entrypoints/popup/probe.ts', "import x from 'node:path';", false],
    ['tools/cli/probe.ts', "import x from 'node:path';", true],
    ['tools/cli/probe.ts', "import { x } from '@/components/i18n/english';", true],
    ['tools/cli/probe.ts', "import { x } from '@/entrypoints/background/service';", false],
    ['tools/cli/probe.ts', "import { x } from '../shared/dataset-files';", true],
    ['tools/import/probe.ts', "import { x } from '../shared/dataset-files';", true],
    ['tools/import/probe.ts', "import { x } from '../cli/command';", false],
    ['tools/import/probe.ts', "import { x } from '@/tools/cli/command';", false],
    ['tools/publish/probe.ts', "import { x } from '../../tools/cli/usage';", false],
    ['tools/import/probe.ts', "import { x } from '@/entrypoints/background/service';", false],
  ])('%s: %s → allowed %s', async (file, source, expected) => {
    expect(await allowed(file, source)).toBe(expected);
  });
});
