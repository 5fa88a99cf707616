/** The page that teaches Inkwell the writer's hand: an editor-area panel (one at a time). */
import { SingletonEditorPanel } from '../panels/editorPanel';

export const TeachPanel = new SingletonEditorPanel({ viewType: 'inkwell.teach', title: 'Teach My Handwriting', view: 'teach' });
