/**
 * Keeps V8's `String.prototype` out of dictionary mode for the analyser's hot loops.
 *
 * Why: when any code makes `String.prototype` the prototype of an object (`class X extends
 * String`, as ioredis's RESP decoder does with `VerbatimString`, or `Object.create(String.prototype)`),
 * V8 turns `String.prototype` into a dictionary-mode "prototype in setup". Property loads on
 * primitive strings (`text.charCodeAt`) never make it fast again, so every stage that scans
 * characters runs about a quarter slower for the life of the process (measured: the analyse
 * stage fell from ~2,450 to ~1,800 articles/s per core once `ioredis` was imported; back to
 * ~2,250 after this repair).
 *
 * A load through an object whose prototype chain holds `String.prototype`, from a call site with
 * feedback, makes the chain fast again. The repaired layout is still a little slower than the
 * pristine one (~8 %), so the repair runs only when V8 reports the prototype in dictionary mode.
 * It changes no behaviour: the probe object is private and the property read is absent.
 */
import { setFlagsFromString } from 'node:v8';

/** A property name no prototype in the chain defines. */
const ABSENT = '__policyPulseAbsentProbe__';

function readAbsent(o: object): unknown {
  return (o as Record<string, unknown>)[ABSENT];
}

type FastCheck = (o: object) => boolean;
/** `%HasFastProperties`, or null where it cannot be had (then nothing is repaired). */
let hasFastProperties: FastCheck | null | undefined;

function compileFastCheck(): FastCheck {
  return new Function('o', 'return %HasFastProperties(o)') as FastCheck;
}

/** V8's own test intrinsic, compiled once with natives syntax switched on just for it. */
function fastCheck(): FastCheck | null {
  if (hasFastProperties !== undefined) return hasFastProperties;
  try {
    hasFastProperties = compileFastCheck(); // natives already on (e.g. `node --allow-natives-syntax`)
  } catch {
    try {
      setFlagsFromString('--allow-natives-syntax');
      hasFastProperties = compileFastCheck();
    } catch {
      hasFastProperties = null; // an engine without the intrinsic, or code generation disallowed
    } finally {
      // Only code compiled meanwhile sees the flag: nothing else in the process can use natives.
      setFlagsFromString('--no-allow-natives-syntax');
    }
  }
  return hasFastProperties;
}

/** True when `String.prototype` is in dictionary mode (false when that cannot be known). */
export function stringPrototypeIsSlow(): boolean {
  const check = fastCheck();
  return check !== null && !check(String.prototype);
}

/**
 * Make `String.prototype` fast again if some module turned it into a dictionary. Cheap (a few
 * microseconds); call it once everything is loaded (the analyser does, when it is created, and
 * every few thousand items in case a module loaded later).
 * @returns whether a repair was made
 */
export function restoreFastStringPrototype(): boolean {
  if (!stringPrototypeIsSlow()) return false;
  const probe: object = Object.create(String.prototype) as object;
  // The load site needs a feedback vector, which V8 allocates only after a few calls.
  for (let i = 0; i < 64; i++) readAbsent(probe);
  return true;
}
