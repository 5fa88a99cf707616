import { readSettings } from '../config';
import { insertText } from '../insertion';
import { Services } from '../services';
import { UserFacingError } from '../userError';

/** `inkwell.insertLastResult`: the most recent recognition, inserted again at the cursor(s). */
export async function insertLastResult(services: Services): Promise<string> {
  const text = services.lastResult.text;
  if (!text) throw new UserFacingError('Inkwell: nothing has been recognised yet. Write on the pad or import an image first.');
  await insertText(services.tracker.target(), text, readSettings().insertMode);
  return text;
}
