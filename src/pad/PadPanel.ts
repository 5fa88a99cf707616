/** The drawing pad as an editor-area panel beside the text editor (one at a time, restored after a reload). */
import { SingletonEditorPanel } from '../panels/editorPanel';

export const PadPanel = new SingletonEditorPanel({ viewType: 'inkwell.pad', title: 'Drawing Pad', view: 'pad' });
