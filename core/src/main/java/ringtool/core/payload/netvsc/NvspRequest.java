package ringtool.core.payload.netvsc;

import ringtool.core.payload.Decoded;

/**
 * A message sent in a data packet, remembered under its transaction id so that the completion answering it can name
 * it and check itself against it.
 *
 * @param msgType the request's {@code msg_type}
 * @param decoded the request as it was decoded
 */
record NvspRequest(long msgType, Decoded decoded) {
}
