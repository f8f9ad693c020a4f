package ringtool.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ringtool.core.synth.RingWriter;

/**
 * One small valid memory image per container the carver reads, for the carve target to overwrite with the
 * fuzzer's bytes: 16 frames of guest memory with a channel's ring pair at 0x4000, as raw memory, an ELF core
 * (a VMCOREINFO note and one PT_LOAD), a kdump-compressed file (raw pages) and its flattened form (segments of
 * 4096 bytes, the header block last). Headers and tables come first in each, where the fuzzer's bytes land.
 */
final class ContainerTemplates {

    static final int FRAMES = 16;
    static final int PAGE = 4096;
    static final int PAIR = 0x4000;

    private ContainerTemplates() {
    }

    /** Templates by the carve target's first byte: raw, ELF, kdump-compressed, kdump-flattened. */
    static final byte[][] ALL = {raw(), elf(), kdump(), flattened(kdump())};

    static byte[] raw() {
        RingWriter out = new RingWriter(16384).inband(1, "version".getBytes(StandardCharsets.US_ASCII));
        out.readIndex(out.cursor());
        RingWriter in = new RingWriter(16384).inband(2, "response".getBytes(StandardCharsets.US_ASCII));
        byte[] memory = new byte[FRAMES * PAGE];
        byte[] pair = RingWriter.pair(out, in);
        System.arraycopy(pair, 0, memory, PAIR, pair.length);
        return memory;
    }

    /** ELF64 header, a PT_NOTE and a PT_LOAD at 0x40, the note, then memory from 0x1000. */
    static byte[] elf() {
        byte[] memory = raw();
        byte[] note = note();
        ByteBuffer b = le(PAGE + memory.length);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(0x10, (short) 4).putShort(0x12, (short) 62).putInt(0x14, 1);
        b.putLong(0x20, 0x40).putShort(0x34, (short) 64).putShort(0x36, (short) 56).putShort(0x38, (short) 2);
        phdr(b, 0x40, 4, 0xb0, 0, note.length);
        phdr(b, 0x78, 1, PAGE, 0, memory.length);
        b.put(0xb0, note);
        b.put(PAGE, memory);
        return b.array();
    }

    private static void phdr(ByteBuffer b, int at, int type, long offset, long paddr, long size) {
        b.putInt(at, type).putLong(at + 8, offset).putLong(at + 16, paddr).putLong(at + 24, paddr)
                .putLong(at + 32, size).putLong(at + 40, size);
    }

    private static byte[] note() {
        byte[] desc = "OSRELEASE=6.12.0\nPAGESIZE=4096\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = le(12 + 12 + (desc.length + 3) / 4 * 4);
        b.putInt(11).putInt(desc.length).putInt(0).put("VMCOREINFO\0".getBytes(StandardCharsets.US_ASCII));
        b.position(24);
        b.put(desc);
        return b.array();
    }

    /** Header block, sub-header block (max_mapnr_64), a block per bitmap, descriptors, raw pages. */
    static byte[] kdump() {
        byte[] memory = raw();
        int descs = 4 * PAGE;
        int data = descs + FRAMES * 24;
        ByteBuffer b = le(data + memory.length);
        b.put("KDUMP   ".getBytes(StandardCharsets.US_ASCII)).putInt(6);
        b.put(12 + 2 * 65, "6.12.0".getBytes(StandardCharsets.US_ASCII));
        b.put(12 + 4 * 65, "x86_64".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0x1ac, PAGE).putInt(0x1b0, 1).putInt(0x1b4, 2).putInt(0x1b8, FRAMES);
        b.putLong(PAGE + 96, FRAMES);
        b.putShort(2 * PAGE, (short) 0xffff).putShort(3 * PAGE, (short) 0xffff);
        for (int f = 0; f < FRAMES; f++) {
            b.putLong(descs + 24 * f, data + (long) f * PAGE).putInt(descs + 24 * f + 8, PAGE);
        }
        b.put(data, memory);
        return b.array();
    }

    /** makedumpfile -F: big-endian (offset, size) before each 4096-byte piece, the header block last. */
    static byte[] flattened(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = Arrays.copyOf("makedumpfile".getBytes(StandardCharsets.US_ASCII), PAGE);
        ByteBuffer.wrap(header).putLong(16, 1).putLong(24, 1);
        out.writeBytes(header);
        for (int at = PAGE; at < file.length; at += PAGE) {
            segment(out, file, at, Math.min(PAGE, file.length - at));
        }
        segment(out, file, 0, PAGE);
        out.writeBytes(ByteBuffer.allocate(16).putLong(-1).putLong(-1).array());
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, byte[] file, int at, int length) {
        out.writeBytes(ByteBuffer.allocate(16).putLong(at).putLong(length).array());
        out.write(file, at, length);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
