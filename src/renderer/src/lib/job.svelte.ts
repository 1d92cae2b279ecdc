import { messageOf } from './errors';

/**
 * The renderer's one way to ask the engine for something and show the answer: its result, whether
 * it is busy, and its error message. One request at a time counts; an answer that arrives after a
 * newer request (or a reset) is dropped, so a slow old answer never overwrites a new one.
 * Streams of requests (strokes, slider drags) go through `LatestOnly` first, which feeds a job.
 */
export class Job<T> {
  #result = $state.raw<T | undefined>();
  #busy = $state(false);
  #error = $state<string | undefined>();
  private sequence = 0;

  get result(): T | undefined {
    return this.#result;
  }

  get busy(): boolean {
    return this.#busy;
  }

  get error(): string | undefined {
    return this.#error;
  }

  /** Runs `work`; resolves to its result, or undefined when it failed or a newer run replaced it. */
  async run(work: () => Promise<T>): Promise<T | undefined> {
    const tag = ++this.sequence;
    this.#busy = true;
    try {
      const result = await work();
      if (tag !== this.sequence) return undefined;
      this.#result = result;
      this.#error = undefined;
      return result;
    } catch (error) {
      if (tag === this.sequence) this.#error = messageOf(error);
      return undefined;
    } finally {
      if (tag === this.sequence) this.#busy = false;
    }
  }

  /** Shows a result that did not come from a run (e.g. one the person picked); newer than any run. */
  set(result: T | undefined): void {
    this.sequence++;
    this.#result = result;
    this.#error = undefined;
    this.#busy = false;
  }

  /** A problem found before asking (e.g. a missing input), shown as this job's error. */
  fail(message: string): void {
    this.sequence++;
    this.#error = message;
    this.#busy = false;
  }

  reset(): void {
    this.set(undefined);
  }
}
