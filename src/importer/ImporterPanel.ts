/** The image importer: an editor-area panel that decodes and recognises images (one at a time). */
import { SingletonEditorPanel } from '../panels/editorPanel';

export const ImporterPanel = new SingletonEditorPanel({ viewType: 'inkwell.importer', title: 'Handwriting Image', view: 'importer' });
