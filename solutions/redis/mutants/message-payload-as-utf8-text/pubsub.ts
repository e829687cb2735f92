// Mutant: PUBLISH builds the pushed array from strings, `const text = message.toString()` then
// `$${Buffer.byteLength(text)}\r\n${text}\r\n`. ASCII payloads arrive intact; bytes that are not valid UTF-8
// (0x80, 0xff, most random bytes) each become U+FFFD (EF BF BD), and the payload's length changes with them.
import { Channels as ReferenceChannels, pubsubCommands } from '../../typescript/src/pubsub.js';

export { pubsubCommands };

export class Channels extends ReferenceChannels {
  override publish(channel: Buffer, message: Buffer): number {
    return super.publish(channel, Buffer.from(message.toString('utf8'), 'utf8')); // the bug
  }
}
