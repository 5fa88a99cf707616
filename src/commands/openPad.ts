import { PadPanel } from '../pad/PadPanel';
import { Services } from '../services';

/** `inkwell.openPad`: the pad beside the editor, focused so the user can draw at once. */
export async function openPad(services: Services): Promise<void> {
  const pad = PadPanel.createOrShow(services);
  pad.connection.send({ type: 'action', action: 'focus' });
}
