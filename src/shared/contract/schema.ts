/**
 * A small runtime schema language for the process boundaries. Every request that crosses
 * IPC or the WebSocket is checked against one of these before any handler sees it, and the
 * TypeScript type of the request is inferred from the same schema, so the check and the
 * type cannot drift apart.
 */

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`invalid request at ${path || '(root)'}: expected ${expected}`);
    this.name = 'SchemaError';
  }
}

export interface Schema<T> {
  readonly describe: string;
  /** Returns the value typed as T, or throws SchemaError naming the offending path. */
  parse(value: unknown, path?: string): T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function schema<T>(describe: string, parse: (value: unknown, path: string) => T): Schema<T> {
  return { describe, parse: (value, path = '') => parse(value, path) };
}

function fail(path: string, expected: string): never {
  throw new SchemaError(path, expected);
}

export interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
}

export const s = {
  number(rules: NumberRules = {}): Schema<number> {
    const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE, integer = false } = rules;
    const what = `${integer ? 'an integer' : 'a finite number'} in [${min}, ${max}]`;
    return schema(what, (v, p) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(p, what);
      if (integer && !Number.isInteger(v)) fail(p, what);
      return v;
    });
  },

  integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Schema<number> {
    return s.number({ min, max, integer: true });
  },

  boolean(): Schema<boolean> {
    return schema('a boolean', (v, p) => (typeof v === 'boolean' ? v : fail(p, 'a boolean')));
  },

  string(maxLength = 4096, pattern?: RegExp): Schema<string> {
    const what = `a string of at most ${maxLength} characters${pattern ? ` matching ${pattern}` : ''}`;
    return schema(what, (v, p) => {
      if (typeof v !== 'string' || v.length > maxLength) fail(p, what);
      if (pattern && !pattern.test(v)) fail(p, what);
      return v;
    });
  },

  literal<const L extends string | number | boolean>(value: L): Schema<L> {
    const what = JSON.stringify(value);
    return schema(what, (v, p) => (v === value ? (v as L) : fail(p, what)));
  },

  enum<const L extends readonly string[]>(values: L): Schema<L[number]> {
    const what = `one of ${values.join(', ')}`;
    return schema(what, (v, p) => (typeof v === 'string' && values.includes(v) ? v : fail(p, what)));
  },

  array<T>(item: Schema<T>, maxLength = 10_000): Schema<T[]> {
    const what = `an array of at most ${maxLength} × ${item.describe}`;
    return schema(what, (v, p) => {
      if (!Array.isArray(v) || v.length > maxLength) fail(p, what);
      return v.map((x, i) => item.parse(x, `${p}[${i}]`));
    });
  },

  float32Array(maxLength = 1 << 22): Schema<Float32Array> {
    const what = `a Float32Array of at most ${maxLength} finite values`;
    return schema(what, (v, p) => {
      if (!(v instanceof Float32Array) || v.length > maxLength) fail(p, what);
      for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) fail(`${p}[${i}]`, 'a finite number');
      return v;
    });
  },

  uint8Array(maxLength = 1 << 28): Schema<Uint8Array> {
    const what = `a Uint8Array of at most ${maxLength} bytes`;
    return schema(what, (v, p) => (v instanceof Uint8Array && v.length <= maxLength ? v : fail(p, what)));
  },

  /** `inner` stays reachable: a value given on its own (a CLI flag) is checked by it. */
  optional<T>(inner: Schema<T>): Schema<T | undefined> & { optional: true; inner: Schema<T> } {
    return {
      ...schema(`${inner.describe} or nothing`, (v, p) => (v === undefined ? undefined : inner.parse(v, p))),
      optional: true,
      inner,
    };
  },

  nullable<T>(inner: Schema<T>): Schema<T | null> {
    return schema(`${inner.describe} or null`, (v, p) => (v === null ? null : inner.parse(v, p)));
  },

  object<const Shape extends Record<string, Schema<unknown>>>(shape: Shape): Schema<ObjectOf<Shape>> {
    const keys = Object.keys(shape);
    const what = `an object with ${keys.length ? keys.join(', ') : 'no fields'}`;
    return schema(what, (v, p) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, what);
      const record = v as Record<string, unknown>;
      // Own keys only: `key in shape` would let __proto__, constructor or toString through.
      for (const key of Object.keys(record)) {
        if (!Object.hasOwn(shape, key)) fail(`${p}.${key}`, 'no such field');
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const value = shape[key].parse(record[key], `${p}.${key}`);
        if (value !== undefined) out[key] = value;
      }
      return out as ObjectOf<Shape>;
    });
  },

  union<const Options extends readonly Schema<unknown>[]>(...options: Options): Schema<Infer<Options[number]>> {
    const what = options.map((o) => o.describe).join(' | ');
    return schema(what, (v, p) => {
      for (const option of options) {
        try {
          return option.parse(v, p) as Infer<Options[number]>;
        } catch (error) {
          if (!(error instanceof SchemaError)) throw error;
        }
      }
      return fail(p, what);
    });
  },

  /**
   * A cheap check of the raw value before `inner` walks it (e.g. a total size), so a request
   * too big to be worth validating is refused without being walked. `ok` sees any value.
   */
  precheck<T>(inner: Schema<T>, describe: string, ok: (value: unknown) => boolean): Schema<T> {
    return schema(`${inner.describe}, ${describe}`, (v, p) => (ok(v) ? inner.parse(v, p) : fail(p, describe)));
  },

  /** Values produced by our own processes (responses, events): typed, not checked. */
  trusted<T>(): Schema<T> {
    return schema('a trusted value', (v) => v as T);
  },
};

type OptionalKeys<Shape> = {
  [K in keyof Shape]: Shape[K] extends { optional: true } ? K : never;
}[keyof Shape];

type ObjectOf<Shape extends Record<string, Schema<unknown>>> = {
  [K in Exclude<keyof Shape, OptionalKeys<Shape>>]: Infer<Shape[K]>;
} & {
  [K in OptionalKeys<Shape>]?: Infer<Shape[K]>;
};
