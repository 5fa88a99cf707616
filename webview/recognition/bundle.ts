/** Entry of dist/webview/engine.js: the recognition engine, shared by the pad and the importer. */
import { RecognitionEngine } from './engine';
import { publishEngine } from './engineModule';

publishEngine(RecognitionEngine);
