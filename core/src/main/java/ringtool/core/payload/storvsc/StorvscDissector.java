package ringtool.core.payload.storvsc;

import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.MessageTable;
import ringtool.core.payload.PayloadView;
import ringtool.core.payload.ProtocolDissector;
import ringtool.core.rules.Rule;
import ringtool.core.format.DeviceKinds;

/**
 * The synthetic SCSI and IDE protocol ({@code struct vstor_packet}, docs/protocols/storvsc.md). Every operation is
 * one line of {@link #TABLE}; a completion is decoded by the request of its transaction id when that is in view.
 */
public final class StorvscDissector implements ProtocolDissector {

    private static final MessageTable<VstorHeader> TABLE = MessageTable.<VstorHeader>builder()
            .add(Operations.COMPLETE_IO, Operations.name(1), CompletionMessage::decode)
            .add(2, Operations.name(2), SetupMessages::control)
            .add(Operations.EXECUTE_SRB, Operations.name(3), SrbMessages::execute)
            .add(4, Operations.name(4), SetupMessages::control)
            .add(5, Operations.name(5), SetupMessages::control)
            .add(Operations.RESET_BUS, Operations.name(6), SetupMessages::control)
            .add(7, Operations.name(7), SetupMessages::control)
            .add(8, Operations.name(8), SetupMessages::control)
            .add(Operations.QUERY_PROTOCOL_VERSION, Operations.name(9), SetupMessages::queryVersion)
            .add(Operations.QUERY_PROPERTIES, Operations.name(10), SetupMessages::control)
            .add(11, Operations.name(11), SetupMessages::control)
            .add(Operations.FCHBA_DATA, Operations.name(12), SetupMessages::fcHbaData)
            .add(Operations.CREATE_SUB_CHANNELS, Operations.name(13), SetupMessages::createSubChannels)
            .build();

    /** The smallest payload auto accepts: a pre-Windows 8 packet. */
    private static final int SMALLEST = VstorHeader.PACKET_SIZE - VstorHeader.WIN8_EXTENSION_SIZE;

    @Override
    public String name() {
        return "storvsc";
    }

    /** SCSI and IDE, as the issue names them, and synthetic Fibre Channel, which {@code hv_storvsc} also drives. */
    @Override
    public List<String> classIds() {
        return List.of(DeviceKinds.HV_SCSI_GUID, DeviceKinds.HV_IDE_GUID, DeviceKinds.HV_SYNTHFC_GUID);
    }

    @Override
    public List<Rule> rules() {
        return StorvscRules.ALL;
    }

    /**
     * A whole packet, a known operation, and flags of 0 or {@code REQUEST_COMPLETION_FLAG}: the flags also tell a
     * vstor_packet from an IC message, whose second u32 is its size.
     */
    @Override
    public boolean plausible(PayloadView payload) {
        return payload.length() >= SMALLEST && payload.length() <= VstorHeader.PACKET_SIZE
                && TABLE.find(payload.u32(VstorHeader.OPERATION)) != null
                && (payload.u32(VstorHeader.FLAGS) & ~VstorHeader.REQUEST_COMPLETION) == 0;
    }

    @Override
    public Decoded decode(DecodeContext ctx) {
        PayloadView p = ctx.payload();
        boolean unsolicited = ctx.transactionId() == 0;
        int min = unsolicited ? Integer.BYTES : ctx.state().of(StorvscState.class, StorvscState::new).packetSize();
        if (p.length() < min) {
            ctx.mismatch(StorvscRules.STORVSC_PACKET_TOO_SHORT, "length of the vstor_packet"
                            + (unsolicited ? " with transaction id 0" : ""),
                    ">= " + min, Long.toString(p.length()), 0, p.length());
        }
        if (!p.has(0, VstorHeader.SIZE)) {
            return null;
        }
        VstorHeader h = VstorHeader.parse(p);
        if (unsolicited && (h.operation() == Operations.COMPLETE_IO || h.operation() == Operations.FCHBA_DATA)) {
            ctx.mismatch(StorvscRules.STORVSC_UNSOLICITED_INVALID_OPERATION,
                    "operation of a packet with transaction id 0", "not COMPLETE_IO or FCHBA_DATA",
                    Operations.shortName(h.operation()),
                    VstorHeader.OPERATION, Integer.BYTES);
        }
        MessageTable.Entry<VstorHeader> e = TABLE.find(h.operation());
        if (e == null) {
            ctx.report(StorvscRules.STORVSC_OPERATION_UNKNOWN, "operation " + h.operation()
                    + " is not a VSTOR_OPERATION_* value", VstorHeader.OPERATION, Integer.BYTES);
            return ctx.decoded(Long.toString(h.operation()), "VSTOR operation " + h.operation() + " (unknown)",
                    h.fields().build());
        }
        MessageDecoder<VstorHeader> decoder = e.decoder();
        return decoder.decode(ctx, h, e.name());
    }
}
