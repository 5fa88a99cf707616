import { ImporterPanel } from '../importer/ImporterPanel';
import { Services } from '../services';

/** `inkwell.pasteImage`: the importer, focused and waiting for Ctrl/Cmd+V or a dropped image. */
export async function pasteImage(services: Services): Promise<void> {
  const importer = ImporterPanel.createOrShow(services, false);
  importer.connection.send({ type: 'action', action: 'awaitPaste' });
}
