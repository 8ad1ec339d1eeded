import { prepareInteraction, type PreparedInteraction } from '../store/interactions';
import { prepareMessage, type PreparedMessage } from '../store/message-row';
import type { NewTransition } from '../store/types';
import type { SeededMessage } from './generate';

/** One transaction's worth of seed rows, prepared for insertion (plain JSON data). */
export interface PreparedChunk {
  messages: PreparedMessage[];
  interactions: PreparedInteraction[];
  transitions: NewTransition[];
}

/** Groups generated messages into prepared chunks of `size` messages. */
export function* preparedChunks(
  generated: Iterable<SeededMessage>,
  size: number,
): Generator<PreparedChunk> {
  let chunk: PreparedChunk = { messages: [], interactions: [], transitions: [] };
  for (const item of generated) {
    chunk.messages.push(prepareMessage(item.message));
    for (const interaction of item.interactions) {
      chunk.interactions.push(prepareInteraction(interaction));
    }
    chunk.transitions.push(...item.transitions);
    if (chunk.messages.length === size) {
      yield chunk;
      chunk = { messages: [], interactions: [], transitions: [] };
    }
  }
  if (chunk.messages.length > 0) yield chunk;
}
