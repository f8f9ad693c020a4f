package ringtool.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;
import java.util.List;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.inspect.Inspector;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.payload.ProtocolDissector;
import ringtool.core.payload.Protocols;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;
import ringtool.output.Format;
import ringtool.output.TextOptions;

/**
 * A uio pair of valid rings whose packets carry messages of one protocol, built from fuzzer choices: the ring is
 * sound, so every input reaches the dissector. The choices are read in this order:
 *
 * <pre>
 * protocol, then per ring (outbound, inbound): message count, per message: type (one the protocol defines, or any
 * u32), transaction ID, body bytes, damage (cut short, bytes overwritten, bytes appended), packet type (in-band,
 * completion, or transfer pages with their ranges), flags, descriptor transaction ID; then --protocol (the
 * protocol's name, or auto) and the output (JSON, JSONL, text -V, or one in 16 SARIF)
 * </pre>
 *
 * The message's headers come from {@link ProtocolDissector#message}, so sizes and lengths agree with the body
 * unless the fuzzer damages them. A stream that runs out yields zeros: the protocol's first message type, an
 * empty body, an in-band packet, written as JSON.
 */
public record PayloadPlan(byte[] bytes, ProtocolDissector protocol, String protocolOption, Format format,
                          TextOptions text) {

    static final int DATA_SIZE = 8192;
    static final int MAX_MESSAGES = 8;
    static final int MAX_BODY = 192;
    static final int MAX_APPENDED = 64;
    private static final int SARIF_ONE_IN = 16;

    public Inspector inspector() {
        return new Inspector(new FramingOptions(Layout.UIO_PAIR, RingHeader.HOST_PAGE_SIZE, null), null, List.of(),
                false, new PayloadOptions(protocolOption, null));
    }

    public static PayloadPlan from(FuzzedDataProvider in) {
        List<ProtocolDissector> all = Protocols.all();
        ProtocolDissector protocol = all.get(in.consumeInt(0, all.size() - 1));
        RingWriter outbound = ring(in, protocol);
        RingWriter inbound = ring(in, protocol);
        String option = in.consumeInt(0, 3) == 3 ? PayloadOptions.AUTO : protocol.name();
        Format format;
        TextOptions text = TextOptions.DEFAULT;
        int o = in.consumeInt(0, SARIF_ONE_IN - 1);
        if (o == SARIF_ONE_IN - 1) {
            format = Format.SARIF;
        } else {
            format = switch (o % 3) {
                case 0 -> Format.JSON;
                case 1 -> Format.JSONL;
                default -> Format.TEXT;
            };
            text = format == Format.TEXT ? Harness.TEXT : TextOptions.DEFAULT;
        }
        return new PayloadPlan(RingWriter.pair(outbound, inbound), protocol, option, format, text);
    }

    private static RingWriter ring(FuzzedDataProvider in, ProtocolDissector protocol) {
        RingWriter r = new RingWriter(RingHeader.HOST_PAGE_SIZE, DATA_SIZE);
        int messages = in.consumeInt(0, MAX_MESSAGES);
        for (int i = 0; i < messages; i++) {
            message(in, protocol, r);
        }
        return r;
    }

    private static void message(FuzzedDataProvider in, ProtocolDissector protocol, RingWriter r) {
        List<Long> types = protocol.messageTypes();
        long type = types.isEmpty() || in.consumeInt(0, 15) == 15 ? in.consumeInt() & 0xFFFF_FFFFL
                : types.get(in.consumeInt(0, types.size() - 1));
        long transactionId = in.consumeInt(0, 7) == 7 ? in.consumeInt() & 0xFFFF_FFFFL : in.consumeInt(0, 15);
        byte[] message = protocol.message(type, transactionId, in.consumeBytes(in.consumeInt(0, MAX_BODY)));
        switch (in.consumeInt(0, 7)) {
            case 5 -> message = Arrays.copyOf(message, in.consumeInt(0, message.length));
            case 6 -> {
                int writes = in.consumeInt(1, 4);
                for (int w = 0; w < writes && message.length > 0; w++) {
                    message[in.consumeInt(0, message.length - 1)] = (byte) in.consumeInt(0, 255);
                }
            }
            case 7 -> {
                byte[] extra = in.consumeBytes(in.consumeInt(1, MAX_APPENDED));
                byte[] longer = Arrays.copyOf(message, message.length + extra.length);
                System.arraycopy(extra, 0, longer, message.length, extra.length);
                message = longer;
            }
            default -> { }
        }
        int packetType = switch (in.consumeInt(0, 7)) {
            case 6 -> PacketType.COMP;
            case 7 -> PacketType.DATA_USING_XFER_PAGES;
            default -> PacketType.DATA_INBAND;
        };
        byte[] ext = packetType == PacketType.DATA_USING_XFER_PAGES ? transferPages(in) : new byte[0];
        int flags = in.consumeBoolean() ? PacketDescriptor.FLAG_COMPLETION_REQUESTED : 0;
        r.packet(packetType, flags, in.consumeInt(0, 3) == 3 ? in.consumeLong() : transactionId, ext, message);
    }

    /** Type 7's header and ranges, consistent with each other: the walk accepts them, netvsc ties them to sections. */
    private static byte[] transferPages(FuzzedDataProvider in) {
        int ranges = in.consumeInt(0, 3);
        byte[] ext = new byte[TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE + ranges * TransferPageRange.SIZE];
        put(ext, TransferPageHeader.PAGESET_ID_OFFSET - PacketDescriptor.SIZE, in.consumeInt(0, 0xFFFF), Short.BYTES);
        put(ext, TransferPageHeader.RANGE_COUNT_OFFSET - PacketDescriptor.SIZE, ranges, Integer.BYTES);
        int at = TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE;
        for (int i = 0; i < ranges; i++) {
            put(ext, at + TransferPageRange.BYTE_COUNT_OFFSET, in.consumeInt(0, 0xFFFF), Integer.BYTES);
            put(ext, at + TransferPageRange.BYTE_OFFSET_OFFSET, in.consumeInt(0, 0xF_FFFF), Integer.BYTES);
            at += TransferPageRange.SIZE;
        }
        return ext;
    }

    private static void put(byte[] b, int at, long value, int width) {
        for (int i = 0; i < width; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
