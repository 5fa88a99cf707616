// The UI tests, in the order they run in one workbench (listed, not globbed).
import type { UiTest } from '../harness/uiTests';
import { codeTests } from './codeTests';
import { importerTests } from './importerTests';
import { padTests } from './padTests';
import { padWritingTests } from './padWritingTests';
import { profileTests } from './profileTests';

export const uiTests: readonly UiTest[] = [...padTests, ...padWritingTests, ...codeTests, ...profileTests, ...importerTests];
