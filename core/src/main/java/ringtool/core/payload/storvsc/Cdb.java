package ringtool.core.payload.storvsc;

import java.util.Map;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * A SCSI command descriptor block: the command named as T10 names it, and the LBA and lengths its layout carries.
 * Multi-byte CDB fields are big-endian. Every opcode maps to a {@link Layout}, which knows where its fields lie.
 *
 * @param text  {@code READ(10) lba 2048 len 8}: the command and its decoded fields, for the info column
 * @param fields the same as fields for JSON and {@code -V}
 */
record Cdb(int opcode, String command, String text, Fields fields) {

    /** How a command's fields lie, with the CDB length they need; each reads its fields into the builder. */
    private enum Layout {
        NONE(1) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                return name;
            }
        },
        /** READ(6), WRITE(6): a 21-bit LBA in bytes 1-3, blocks in byte 4 (0 meaning 256). */
        RW6(5) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                int blocks = p.u8(at + 4);
                rw(f, text, be(p, at + 1, 3) & 0x1f_ffff, blocks == 0 ? 256 : blocks);
                return name;
            }
        },
        /** 10-byte reads, writes and their kin: LBA in bytes 2-5, blocks in bytes 7-8. */
        RW10(9) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                rw(f, text, be(p, at + 2, 4), be(p, at + 7, 2));
                return name;
            }
        },
        /** READ(12), WRITE(12): LBA in bytes 2-5, blocks in bytes 6-9. */
        RW12(10) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                rw(f, text, be(p, at + 2, 4), be(p, at + 6, 4));
                return name;
            }
        },
        /** 16-byte reads, writes and their kin: LBA in bytes 2-9, blocks in bytes 10-13. */
        RW16(14) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                rw(f, text, be(p, at + 2, 8), be(p, at + 10, 4));
                return name;
            }
        },
        /** INQUIRY: EVPD in byte 1 bit 0, page code in byte 2, allocation length in bytes 3-4. */
        INQUIRY(5) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                long evpd = p.u8(at + 1) & 1;
                long page = p.u8(at + 2);
                f.number("evpd", evpd).number("page_code", page);
                if (evpd == 1) {
                    text.append(String.format(" page 0x%02x", page));
                }
                length(f, text, be(p, at + 3, 2));
                return name;
            }
        },
        /** Allocation or parameter list length in byte 4 (6-byte commands). */
        LENGTH4(5) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                length(f, text, p.u8(at + 4));
                return name;
            }
        },
        /** MODE SENSE(6): page code in byte 2 (low 6 bits), allocation length in byte 4. */
        MODE_SENSE6(5) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                page(f, text, p.u8(at + 2) & 0x3f);
                length(f, text, p.u8(at + 4));
                return name;
            }
        },
        /** MODE SENSE(10): page code in byte 2, allocation length in bytes 7-8. */
        MODE_SENSE10(9) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                page(f, text, p.u8(at + 2) & 0x3f);
                length(f, text, be(p, at + 7, 2));
                return name;
            }
        },
        /** Allocation or parameter list length in bytes 7-8 (10-byte commands). */
        LENGTH7(9) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                length(f, text, be(p, at + 7, 2));
                return name;
            }
        },
        /** REPORT LUNS: allocation length in bytes 6-9. */
        LENGTH6_4(10) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                length(f, text, be(p, at + 6, 4));
                return name;
            }
        },
        /** SERVICE ACTION IN(16): service action in byte 1 (0x10 is READ CAPACITY(16)), length in bytes 10-13. */
        SERVICE_ACTION_IN16(14) {
            @Override
            String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name) {
                int action = p.u8(at + 1) & 0x1f;
                f.number("service_action", action);
                length(f, text, be(p, at + 10, 4));
                return action == READ_CAPACITY_16 ? "READ CAPACITY(16)" : name;
            }
        };

        private final int needs;

        Layout(int needs) {
            this.needs = needs;
        }

        /** Adds the fields to {@code f} and {@code text}; returns the command's name (a service action's). */
        abstract String read(PayloadView p, long at, Fields.Builder f, StringBuilder text, String name);
    }

    private record Command(String name, Layout layout) {
    }

    private static final Map<Integer, Command> COMMANDS = Map.ofEntries(
            Map.entry(0x00, new Command("TEST UNIT READY", Layout.NONE)),
            Map.entry(0x03, new Command("REQUEST SENSE", Layout.LENGTH4)),
            Map.entry(0x08, new Command("READ(6)", Layout.RW6)),
            Map.entry(0x0a, new Command("WRITE(6)", Layout.RW6)),
            Map.entry(0x12, new Command("INQUIRY", Layout.INQUIRY)),
            Map.entry(0x15, new Command("MODE SELECT(6)", Layout.LENGTH4)),
            Map.entry(0x1a, new Command("MODE SENSE(6)", Layout.MODE_SENSE6)),
            Map.entry(0x1b, new Command("START STOP UNIT", Layout.NONE)),
            Map.entry(0x1e, new Command("PREVENT ALLOW MEDIUM REMOVAL", Layout.NONE)),
            Map.entry(0x25, new Command("READ CAPACITY(10)", Layout.NONE)),
            Map.entry(0x28, new Command("READ(10)", Layout.RW10)),
            Map.entry(0x2a, new Command("WRITE(10)", Layout.RW10)),
            Map.entry(0x2f, new Command("VERIFY(10)", Layout.RW10)),
            Map.entry(0x35, new Command("SYNCHRONIZE CACHE(10)", Layout.RW10)),
            Map.entry(0x41, new Command("WRITE SAME(10)", Layout.RW10)),
            Map.entry(0x42, new Command("UNMAP", Layout.LENGTH7)),
            Map.entry(0x4d, new Command("LOG SENSE", Layout.LENGTH7)),
            Map.entry(0x55, new Command("MODE SELECT(10)", Layout.LENGTH7)),
            Map.entry(0x5a, new Command("MODE SENSE(10)", Layout.MODE_SENSE10)),
            Map.entry(0x5e, new Command("PERSISTENT RESERVE IN", Layout.NONE)),
            Map.entry(0x5f, new Command("PERSISTENT RESERVE OUT", Layout.NONE)),
            Map.entry(0x85, new Command("ATA PASS-THROUGH(16)", Layout.NONE)),
            Map.entry(0x88, new Command("READ(16)", Layout.RW16)),
            Map.entry(0x8a, new Command("WRITE(16)", Layout.RW16)),
            Map.entry(0x8f, new Command("VERIFY(16)", Layout.RW16)),
            Map.entry(0x91, new Command("SYNCHRONIZE CACHE(16)", Layout.RW16)),
            Map.entry(0x93, new Command("WRITE SAME(16)", Layout.RW16)),
            Map.entry(0x9e, new Command("SERVICE ACTION IN(16)", Layout.SERVICE_ACTION_IN16)),
            Map.entry(0xa0, new Command("REPORT LUNS", Layout.LENGTH6_4)),
            Map.entry(0xa1, new Command("ATA PASS-THROUGH(12)", Layout.NONE)),
            Map.entry(0xa3, new Command("MAINTENANCE IN", Layout.NONE)),
            Map.entry(0xa8, new Command("READ(12)", Layout.RW12)),
            Map.entry(0xaa, new Command("WRITE(12)", Layout.RW12)));

    /** SERVICE ACTION IN(16) with this action is READ CAPACITY(16). */
    private static final int READ_CAPACITY_16 = 0x10;

    /** Decodes the {@code length} (1 to 16) CDB bytes at {@code at}, which the caller has checked. */
    static Cdb parse(PayloadView p, long at, int length) {
        int opcode = p.u8(at);
        Command c = COMMANDS.get(opcode);
        Fields.Builder f = Fields.builder().number("opcode", opcode);
        if (c == null) {
            String name = String.format("opcode 0x%02x", opcode);
            return new Cdb(opcode, name, name, f.build());
        }
        String name = c.name();
        StringBuilder text = new StringBuilder();
        if (length >= c.layout().needs) {
            name = c.layout().read(p, at, f, text, name);
        }
        f.text("command", name);
        return new Cdb(opcode, name, name + text, f.build());
    }

    private static void rw(Fields.Builder f, StringBuilder text, long lba, long blocks) {
        f.number("lba", lba).number("transfer_length", blocks);
        text.append(" lba ").append(Long.toUnsignedString(lba)).append(" len ").append(blocks);
    }

    private static void length(Fields.Builder f, StringBuilder text, long length) {
        f.number("allocation_length", length);
        text.append(" alloc ").append(length);
    }

    private static void page(Fields.Builder f, StringBuilder text, long page) {
        f.number("page_code", page);
        text.append(String.format(" page 0x%02x", page));
    }

    /** {@code n} (at most 8) big-endian bytes at {@code at}. */
    private static long be(PayloadView p, long at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | p.u8(at + i);
        }
        return v;
    }
}
