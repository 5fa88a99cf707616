// Rebuilds the text of a browser console message from its arguments. VS Code forwards extension-host
// output as console.log('%c INFO', css, ...theHostsOwnArgs), whose text() is only the label.
import type { ConsoleMessage } from 'playwright-core';
import { format } from 'node:util';

export function formatConsoleArgs(args: unknown[]): string {
  const [first, second, ...rest] = args;
  if (typeof first === 'string' && /^%c\s*[A-Z]+\s*$/.test(first) && typeof second === 'string') {
    return format(...rest); // a forwarded log call: the label and its style, then the original arguments
  }
  return format(...args);
}

export async function consoleText(message: ConsoleMessage): Promise<string> {
  try {
    const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '<unserialisable>')));
    return formatConsoleArgs(args);
  } catch {
    return message.text(); // the page navigated away: the handles are gone
  }
}
