// onnx_model.mjs: writes a small ONNX model (a multi-layer perceptron of Gemm and Tanh nodes) as
// protobuf bytes, with nothing but this file: ONNX Runtime's benchmark (ort.mjs) builds W4's
// network with it. Only the few fields such a model needs are written (onnx.proto's numbers).

// Protobuf wire types: 0 varint, 2 length-delimited, 5 32-bit.
function varint(value) {
  const out = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}
const key = (field, wire) => varint((field << 3) | wire);
const intField = (field, value) => [...key(field, 0), ...varint(value)];
const bytesField = (field, bytes) => [...key(field, 2), ...varint(bytes.length), ...bytes];
const textField = (field, text) => bytesField(field, [...new TextEncoder().encode(text)]);

// TensorProto: a float tensor with its dims, stored as raw little-endian bytes.
function tensor(name, dims, values) {
  const raw = new Uint8Array(new Float32Array(values).buffer);
  return [...dims.flatMap((d) => intField(1, d)), ...intField(2, 1 /* FLOAT */), ...textField(8, name),
          ...bytesField(9, [...raw])];
}

// ValueInfoProto of a float tensor whose first dimension is named (any batch size).
function valueInfo(name, width) {
  const dim = (d) => bytesField(1, typeof d === 'string' ? textField(2, d) : intField(1, d));
  const shape = [...dim('N'), ...dim(width)];
  const tensorType = [...intField(1, 1 /* FLOAT */), ...bytesField(2, shape)];
  return [...textField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

function node(op, inputs, output, attributes = []) {
  return [...inputs.flatMap((i) => textField(1, i)), ...textField(2, output), ...textField(3, output),
          ...textField(4, op), ...attributes.flatMap((a) => bytesField(5, a))];
}
const intAttribute = (name, value) => [...textField(1, name), ...intField(3, value), ...intField(20, 2 /* INT */)];

/**
 * An MLP from `inputs` through the widths in `layers` (the last is the output), every layer
 * Gemm then Tanh, weights from `weight(layer, to, from)` and biases from `bias(layer, to)`.
 * Returns the model's bytes (Uint8Array); its input is "x" (N × inputs), its output "y".
 */
export function mlpModel(inputs, layers, weight, bias) {
  const nodes = [];
  const initializers = [];
  let previous = 'x';
  let width = inputs;
  layers.forEach((out, l) => {
    const W = [];
    for (let to = 0; to < out; ++to) for (let from = 0; from < width; ++from) W.push(weight(l, to, from));
    const B = Array.from({ length: out }, (_, to) => bias(l, to));
    initializers.push(tensor(`W${l}`, [out, width], W), tensor(`B${l}`, [out], B));
    const z = `z${l}`;
    const a = l === layers.length - 1 ? 'y' : `a${l}`;
    nodes.push(node('Gemm', [previous, `W${l}`, `B${l}`], z, [intAttribute('transB', 1)]));
    nodes.push(node('Tanh', [z], a));
    previous = a;
    width = out;
  });
  const graph = [...nodes.flatMap((n) => bytesField(1, n)), ...textField(2, 'mlp'),
                 ...initializers.flatMap((t) => bytesField(5, t)),
                 ...bytesField(11, valueInfo('x', inputs)), ...bytesField(12, valueInfo('y', width))];
  const opset = [...textField(1, ''), ...intField(2, 13)];
  return new Uint8Array([...intField(1, 8 /* IR version */), ...textField(2, 'nnplay bench'),
                         ...bytesField(7, graph), ...bytesField(8, opset)]);
}
