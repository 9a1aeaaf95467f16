// Finding length-delimited frames in a byte stream that arrives in pieces, for
// any frame format. Pure: no I/O, no timers.

/**
 * What a format makes of the bytes at one position: a whole valid frame, a
 * frame that may still be arriving, or no frame (impossible length, wrong
 * checksum or end byte; `event` reports it when the format wants that known).
 */
export type FrameCheck<E> = { kind: 'frame'; event: E; size: number } | { kind: 'partial' } | { kind: 'bad'; event: E | null };

export interface FrameFormat<E> {
  /** Where the next whole start mark is at or after `from`, or -1. */
  nextStart(buffer: Buffer, from: number): number;
  /** How many bytes at the end of a buffer holding no start mark could begin one. */
  partialStartAtEnd(buffer: Buffer): number;
  check(buffer: Buffer, at: number): FrameCheck<E>;
  /** Reports bytes that belong to no frame, when the format wants that known. */
  noise?: (bytes: number) => E;
}

/**
 * The resynchronising scanner both serial codecs share. Its rules, so that
 * no garbage (noise, a frame cut short, a wrong checksum, a header announcing
 * a huge length) can cost the good frame after it:
 * - a start mark that is not a good frame costs one byte, never the whole
 *   length it announced: the scan goes on from the next byte, so a frame that
 *   began inside the bad one is still found;
 * - while the frame at the front is incomplete, a complete good frame further
 *   on wins: two frames cannot overlap, so the one in front was cut short
 *   (without this a truncated header announcing 250 bytes would swallow the
 *   next 250 bytes of answers). A good frame nested inside another's data
 *   would be mistaken the same way, which the formats make (next to) impossible:
 *   a 5-byte SAM preamble plus length plus checksum, LED text that never holds
 *   STX or ETX;
 * - the buffer never holds more than one frame's worth: an incomplete front
 *   frame is shorter than the length it announced, which the format bounds.
 */
export class FrameSync<E> {
  #buffer = Buffer.alloc(0);

  constructor(private readonly format: FrameFormat<E>) {}

  /** Bytes kept waiting for the rest of a frame. */
  get buffered(): number {
    return this.#buffer.length;
  }

  push(chunk: Uint8Array): E[] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const events: E[] = [];
    let noise = 0;
    const skip = (bytes: number) => {
      noise += bytes;
      this.#buffer = this.#buffer.subarray(bytes);
    };
    const emit = (event: E | null) => {
      if (noise > 0 && this.format.noise) events.push(this.format.noise(noise));
      noise = 0;
      if (event) events.push(event);
    };
    for (;;) {
      const start = this.format.nextStart(this.#buffer, 0);
      if (start === -1) {
        skip(this.#buffer.length - this.format.partialStartAtEnd(this.#buffer));
        emit(null);
        return events;
      }
      skip(start);
      const head = this.format.check(this.#buffer, 0);
      if (head.kind === 'frame') {
        emit(head.event);
        this.#buffer = this.#buffer.subarray(head.size);
      } else if (head.kind === 'bad') {
        emit(head.event);
        skip(1);
      } else {
        const later = this.#laterFrame();
        if (!later) {
          emit(null);
          return events;
        }
        skip(later.at);
        emit(later.event);
        this.#buffer = this.#buffer.subarray(later.size);
      }
    }
  }

  #laterFrame(): { at: number; event: E; size: number } | null {
    for (let at = this.format.nextStart(this.#buffer, 1); at !== -1; at = this.format.nextStart(this.#buffer, at + 1)) {
      const found = this.format.check(this.#buffer, at);
      if (found.kind === 'frame') return { at, event: found.event, size: found.size };
    }
    return null;
  }
}
