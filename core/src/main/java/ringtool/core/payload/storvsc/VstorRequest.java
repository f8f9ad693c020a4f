package ringtool.core.payload.storvsc;

/**
 * A request as its completion needs it, remembered under the request's transaction id.
 *
 * @param operation          the request's {@code VSTOR_OPERATION_*}
 * @param summary            what the completion's info says it answers: {@code READ(10) lba 2048 len 8}
 * @param dataTransferLength the SRB's {@code data_transfer_length} (0 for operations without an SRB)
 * @param version            the {@code major_minor} a {@code QUERY_PROTOCOL_VERSION} offered, else -1
 */
record VstorRequest(long operation, String summary, long dataTransferLength, int version) {
}
