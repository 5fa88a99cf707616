/**
 * Replacement gradient kernels that let tfjs `wasm` train, and train fast
 * (../shared/notes/training-speed.md):
 * - Conv2DBackpropFilter (missing on wasm) as a forward convolution of transposed tensors;
 * - Conv2DBackpropInput (a plain loop on wasm) as a forward convolution with the filter reversed on its
 *   spatial axes and its channel axes swapped;
 * - BatchMatMul with transposeA/transposeB (a slow path) with the transposes made explicit;
 * - MaxPoolGrad (a plain loop) as a direct typed-array loop.
 * They compose the backend's own fast kernels (XNNPACK Conv2D, Transpose) and free every intermediate.
 * Only stride 1, dilation 1, NHWC convolutions are handled (all this project's model uses); anything else
 * throws a clear error rather than computing something wrong.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
// Gradients are not registered by tfjs-core's main entry; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';

type Backend = {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
};
type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: Backend; attrs: tf.NamedAttrMap };
type KernelFn = (args: KernelArgs) => tf.TensorInfo;

const BACKEND = 'wasm';
let installed = false;
const original = new Map<string, tf.KernelConfig>();

function kernel(name: string): KernelFn {
  const config = original.get(name) ?? tf.getKernel(name, BACKEND);
  if (!config) throw new Error(`wasm kernel '${name}' is not registered.`);
  return config.kernelFunc as unknown as KernelFn;
}

function transpose(backend: Backend, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return kernel('Transpose')({ inputs: { x }, backend, attrs: { perm } });
}

function conv(backend: Backend, x: tf.TensorInfo, filter: tf.TensorInfo, pad: number[][]): tf.TensorInfo {
  return kernel('Conv2D')({
    inputs: { x, filter },
    backend,
    attrs: { strides: [1, 1], pad: pad as unknown as tf.NamedAttrMap[string], dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined as unknown as string },
  });
}

function checkConvAttrs(name: string, attrs: tf.NamedAttrMap): void {
  const strides = attrs.strides as number | number[];
  const s = Array.isArray(strides) ? strides : [strides, strides];
  if (s[0] !== 1 || s[1] !== 1) throw new Error(`${name} replacement supports stride 1 only (got ${s}).`);
  if (attrs.dataFormat && attrs.dataFormat !== 'NHWC') throw new Error(`${name} replacement supports NHWC only.`);
}

/** The forward pass's padding, as computed by tfjs for the forward convolution. */
function forwardPad(xShape: number[], filterShape: number[], attrs: tf.NamedAttrMap) {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    1,
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | undefined,
  );
  return info;
}

const conv2DBackpropFilter: KernelFn = ({ inputs, backend, attrs }) => {
  checkConvAttrs('Conv2DBackpropFilter', attrs);
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const filterShape = attrs.filterShape as number[];
  const info = forwardPad(x.shape, filterShape, attrs);
  const { top, bottom, left, right } = info.padInfo;
  // dW = transpose(conv2d(transpose(x,[3,1,2,0]), transpose(dy,[1,2,0,3]), forward pad), [1,2,0,3])
  const xT = transpose(backend, x, [3, 1, 2, 0]);
  const dyT = transpose(backend, dy, [1, 2, 0, 3]);
  const c = conv(backend, xT, dyT, [[0, 0], [top, bottom], [left, right], [0, 0]]);
  const out = transpose(backend, c, [1, 2, 0, 3]);
  for (const t of [xT, dyT, c]) backend.disposeData(t.dataId);
  return out;
};

const conv2DBackpropInput: KernelFn = ({ inputs, backend, attrs }) => {
  checkConvAttrs('Conv2DBackpropInput', attrs);
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const inputShape = attrs.inputShape as number[];
  const [kh, kw] = filter.shape;
  const info = forwardPad(inputShape, filter.shape, attrs);
  const { top, left } = info.padInfo;
  const [, H, W] = inputShape;
  const [, Ho, Wo] = dy.shape;
  const pt = kh - 1 - top, pl = kw - 1 - left;
  const pb = H - Ho + kh - 1 - pt, pr = W - Wo + kw - 1 - pl;
  if (pt < 0 || pl < 0 || pb < 0 || pr < 0) throw new Error('Conv2DBackpropInput replacement: unsupported padding.');
  const rev = kernel('Reverse')({ inputs: { x: filter }, backend, attrs: { dims: [0, 1] } });
  const swapped = transpose(backend, rev, [0, 1, 3, 2]);
  const out = conv(backend, dy, swapped, [[0, 0], [pt, pb], [pl, pr], [0, 0]]);
  backend.disposeData(rev.dataId);
  backend.disposeData(swapped.dataId);
  return out;
};

const batchMatMul: KernelFn = ({ inputs, backend, attrs }) => {
  const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const base = kernel('BatchMatMul');
  if (!attrs.transposeA && !attrs.transposeB) return base({ inputs, backend, attrs });
  const swapLast = (t: tf.TensorInfo) => {
    const perm = t.shape.map((_, i) => i);
    const r = perm.length;
    [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
    return transpose(backend, t, perm);
  };
  const aa = attrs.transposeA ? swapLast(a) : a;
  const bb = attrs.transposeB ? swapLast(b) : b;
  const out = base({ inputs: { a: aa, b: bb }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
  if (aa !== a) backend.disposeData(aa.dataId);
  if (bb !== b) backend.disposeData(bb.dataId);
  return out;
};

const maxPoolGrad: KernelFn = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize as [number, number] | number,
    attrs.strides as [number, number] | number,
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | undefined,
  );
  // Allocate first: growing the wasm heap would detach views taken earlier.
  const out = backend.makeOutput(input.shape, 'float32');
  const dx = backend.typedArrayFromHeap(out);
  dx.fill(0);
  const xs = backend.typedArrayFromHeap(input);
  const g = backend.typedArrayFromHeap(dy);
  const { batchSize, inHeight, inWidth, inChannels: C, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const padTop = info.padInfo.top, padLeft = info.padInfo.left;
  for (let n = 0; n < batchSize; n++) {
    const xBase = n * inHeight * inWidth * C;
    const yBase = n * outHeight * outWidth * C;
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * strideHeight - padTop;
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = ox * strideWidth - padLeft;
        const gBase = yBase + (oy * outWidth + ox) * C;
        for (let c = 0; c < C; c++) {
          let best = -Infinity, at = -1;
          for (let fy = 0; fy < filterHeight; fy++) {
            const yy = y0 + fy;
            if (yy < 0 || yy >= inHeight) continue;
            for (let fx = 0; fx < filterWidth; fx++) {
              const xx = x0 + fx;
              if (xx < 0 || xx >= inWidth) continue;
              const i = xBase + (yy * inWidth + xx) * C + c;
              // Strictly greater: the first maximum wins, as on the cpu backend.
              if (xs[i] > best) {
                best = xs[i];
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += g[gBase + c];
        }
      }
    }
  }
  return out;
};

/**
 * Register the replacements on the wasm backend (idempotent). Call before training; inference needs
 * none of them but is unaffected by them.
 */
export function installWasmTrainingKernels(): void {
  if (installed) return;
  const replacements: Record<string, KernelFn> = {
    Conv2DBackpropFilter: conv2DBackpropFilter,
    Conv2DBackpropInput: conv2DBackpropInput,
    BatchMatMul: batchMatMul,
    MaxPoolGrad: maxPoolGrad,
  };
  for (const [name, fn] of Object.entries(replacements)) {
    const existing = tf.getKernel(name, BACKEND);
    if (existing) {
      original.set(name, existing);
      tf.unregisterKernel(name, BACKEND);
    }
    // Keep the original's setup (it binds the wasm function the original kernelFunc calls).
    tf.registerKernel({ kernelName: name, backendName: BACKEND, kernelFunc: fn as unknown as tf.KernelFunc, setupFunc: existing?.setupFunc });
  }
  installed = true;
}

/** Select the wasm backend (waiting for its .wasm to load) with the training kernels installed. */
export async function useWasmForTraining(): Promise<void> {
  installWasmTrainingKernels();
  const ok = await tf.setBackend(BACKEND);
  if (!ok) throw new Error('Could not initialise the tfjs wasm backend.');
  await tf.ready();
}
