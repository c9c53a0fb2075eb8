/** Typed arrays over SharedArrayBuffer, so worker threads read the index without copying it. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
}

export function sharedInt8(length: number): Int8Array {
  return new Int8Array(new SharedArrayBuffer(Math.max(1, length)), 0, length);
}
