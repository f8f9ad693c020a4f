package ringtool.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ringtool.core.bytes.BlockFileWriter;
import ringtool.core.bytes.ByteSource;
import ringtool.core.report.ExitCode;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.InputException;
import ringtool.core.source.InputFiles;
import ringtool.core.source.Layout;
import ringtool.core.synth.Describer;
import ringtool.core.synth.DumpDescription;
import ringtool.core.synth.SynthException;
import ringtool.core.synth.Synthesizer;

/** {@code ringtool synth}: a dump from a layout description, or the description of a dump. */
@Command(name = SynthCommand.NAME, description = {
            SynthCommand.SUMMARY,
            "Damage is planted on purpose: per packet (\"damage\": type, offset8, len8, flags, trailer,"
                    + " range_count), in the header fields (write_index, read_index, interrupt_mask,"
                    + " pending_send_size, feature_bits), as packets left before the read index (\"state\":"
                    + " \"consumed\") or after the write index (\"unpublished\"), or as raw byte patches.",
            "With --from-dump, write the description of an existing dump instead: synthesizing it gives back the"
                    + " same bytes. See samples/*.json for descriptions of every kind."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:the dump (or description) was written", ExitCodeHelp.USAGE,
            "3:the description or dump could not be read, or describes something that cannot be written",
            ExitCodeHelp.INTERNAL},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ringtool synth samples/full.json -o full.bin && ringtool inspect full.bin",
            "  ringtool synth --from-dump samples/balloon-uio-pair.bin > balloon.json",
            "  ringtool synth --from-dump samples/wrapped-packet.bin \\",
            "    | jq '.rings[0].packets[0].damage={\"len8\":0}' \\",
            "    | ringtool synth - -o bad.bin"})
final class SynthCommand implements Callable<Integer> {

    static final String NAME = "synth";
    static final String SUMMARY = "Write a ring dump from a JSON layout description: layout (single, uio-pair,"
            + " double-mapped), header and data sizes, header fields, and the packets in writing order. Packets are"
            + " laid out as the Linux writer lays them out (len8, offset8, padding, trailer start<<32, write index"
            + " past the last trailer), so a description without damage gives a dump without findings.";

    @Parameters(paramLabel = "DESC", arity = "0..1",
            description = "Layout description (JSON); '-' reads it from stdin.")
    String description;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the dump (or, with --from-dump, the description); '-' or none: stdout"
                    + " (a dump is binary: it is not written to a terminal).")
    Path output;

    @Option(names = "--from-dump", paramLabel = "FILE",
            description = "Describe this dump instead of writing one.")
    Path fromDump;

    @Option(names = "--layout", defaultValue = "auto", converter = SharedOptions.LayoutConverter.class,
            completionCandidates = Candidates.Layouts.class,
            paramLabel = "LAYOUT", description = "With --from-dump: how the dump holds its ring(s): auto, single, uio-pair, double-mapped"
                    + " (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--header-size", defaultValue = "4096", converter = Numbers.HeaderSize.class, paramLabel = "BYTES",
            description = "With --from-dump: bytes of header before each data area (default: ${DEFAULT-VALUE}).")
    long headerSize;

    @Spec
    CommandSpec spec;

    /** The dump's blocks held while it is laid out: 4 MiB, whatever its size. */
    static final int DUMP_BLOCK = 1 << 16;
    static final int DUMP_BLOCKS = 64;

    /** Where a dump goes without -o: bytes, not picocli's character writer. */
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);

    /**
     * snake_case JSON onto the core's plain records; unknown fields are errors, so typos do not pass silently.
     * Longs are u64 on the wire (transaction ids and trailers use all 64 bits) and may be given as "0x..." strings.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule("u64")
                    .addSerializer(Long.class, new U64Serializer())
                    .addSerializer(long.class, new U64Serializer())
                    .addDeserializer(Long.class, new U64Deserializer())
                    .addDeserializer(long.class, new U64Deserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (fromDump != null) {
            if (description != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give DESC or --from-dump, not both");
            }
            return describe(err);
        }
        if (description == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing DESC (or --from-dump FILE)");
        }
        if (toStdout() && System.console() != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a dump is binary and stdout is a terminal:"
                    + " give -o FILE, or pipe the output");
        }
        String source = description;
        Path dump;
        try {
            dump = Files.createTempFile("ringtool-synth", ".bin");
            // The finally below misses a run ended by a signal; a dump can be 256 MiB of someone's /tmp.
            dump.toFile().deleteOnExit();
        } catch (IOException e) {
            return fail(err, "a temporary file", ioProblem(e));
        }
        Path text = null;
        try {
            if ("-".equals(description)) {
                // Spooled, so that it can be read a packet at a time and, if need be, again whole.
                text = Files.createTempFile("ringtool-synth", ".json");
                text.toFile().deleteOnExit();
                // Into the file createTempFile made (owner-only), not a new one by the same name (umask).
                try (OutputStream spool = Files.newOutputStream(text)) {
                    System.in.transferTo(spool);
                } catch (IOException e) {
                    return fail(err, source, ioProblem(e));
                }
            }
            Path input = text != null ? text : Path.of(description);
            // A description file in the order --from-dump writes is read a packet at a time; anything else whole.
            if (DescriptionStream.write(input, dump)) {
                return copyDump(err, dump);
            }
            return synthesize(err, source, input, dump);
        } catch (IOException e) {
            return fail(err, "a temporary file", ioProblem(e));
        } finally {
            delete(dump);
            delete(text);
        }
    }

    private static void delete(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // Left in the temporary directory; what was asked for is done or reported.
        }
    }

    private int synthesize(PrintWriter err, String source, Path input, Path dump) {
        DumpDescription desc;
        try {
            if (Files.isDirectory(input)) {
                return fail(err, source, "is a directory");
            }
            try (InputStream in = Files.newInputStream(input)) {
                desc = MAPPER.readValue(in, DumpDescription.class);
            }
            if (desc == null) {
                return fail(err, source, "invalid description: empty");
            }
        } catch (JsonProcessingException e) {
            return fail(err, source, jsonProblem(e));
        } catch (IOException e) {
            return fail(err, source, ioProblem(e));
        }
        long size;
        try {
            size = Synthesizer.size(desc);
        } catch (SynthException e) {
            return fail(err, source, e.getMessage());
        }
        return writeDump(err, source, desc, size, dump);
    }

    private int writeDump(PrintWriter err, String source, DumpDescription desc, long size, Path dump) {
        try (BlockFileWriter file = new BlockFileWriter(FileChannel.open(dump, StandardOpenOption.READ,
                StandardOpenOption.WRITE), size, DUMP_BLOCK, DUMP_BLOCKS)) {
            Synthesizer.write(desc, file::write);
        } catch (SynthException e) {
            return fail(err, source, e.getMessage());
        } catch (IOException e) {
            return fail(err, dump.toString(), ioProblem(e));
        } catch (UncheckedIOException e) {
            return fail(err, dump.toString(), ioProblem(e.getCause()));
        }
        return copyDump(err, dump);
    }

    /** The dump, whole, to where it was asked for. */
    private int copyDump(PrintWriter err, Path dump) {
        try {
            if (toStdout()) {
                Files.copy(dump, stdout);
                stdout.flush();
            } else {
                try (OutputStream out = Files.newOutputStream(output)) {
                    Files.copy(dump, out);
                }
            }
        } catch (IOException e) {
            return fail(err, toStdout() ? "stdout" : output.toString(), ioProblem(e));
        }
        return ExitCode.OK;
    }

    /** The description is written as the dump is walked, read through the inspector's cache: memory stays flat. */
    private int describe(PrintWriter err) {
        String source = fromDump.toString();
        ByteSource dump;
        try {
            if (Files.isDirectory(fromDump)) {
                return fail(err, source, "is a directory");
            }
            if (Files.size(fromDump) > Synthesizer.MAX_FILE_SIZE) {
                return fail(err, source, "larger than the " + Synthesizer.MAX_FILE_SIZE + " bytes synth handles");
            }
            dump = InputFiles.open(fromDump);
        } catch (InputException e) {
            return fail(err, source, e.getMessage());
        } catch (IOException e) {
            return fail(err, source, ioProblem(e));
        }
        boolean toStdout = toStdout();
        try (DescriptionJson json = new DescriptionJson(
                () -> toStdout ? spec.commandLine().getOut() : Files.newBufferedWriter(output), !toStdout)) {
            try {
                Describer.describe(dump, new FramingOptions(layout, headerSize, null), json);
            } catch (SynthException e) {
                return fail(err, source, e.getMessage());
            }
        } catch (IOException e) {
            return fail(err, toStdout ? "stdout" : output.toString(), ioProblem(e));
        }
        return ExitCode.OK;
    }

    /** No {@code -o}, or {@code -o -}: stdout, as the help says. */
    private boolean toStdout() {
        return output == null || output.toString().equals("-");
    }

    private static int fail(PrintWriter err, String source, String message) {
        err.println("ringtool synth: " + source + ": " + message);
        err.flush();
        return ExitCode.INPUT;
    }

    /** Jackson's own message without the source dump and the class names, plus where in the JSON. */
    static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (class ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        // Jackson's advice on its own configuration means nothing to whoever wrote the description.
        message = message.replaceAll("\\s*\\(set DeserializationConfig[^)]*\\)", "")
                .replaceFirst("^Cannot map `null` into type `(\\w+)`", "a number ($1) is required, got null or nothing");
        message = message.replaceAll("\\s*\\(start marker at .*?\\]\\)", "").replaceAll("\\s+", " ")
                .replaceAll("`ringtool\\.core\\.synth\\.", "`").replace('`', '\'');
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = " at " + m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
        if (e.getLocation() != null) {
            where += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return "invalid description: " + message + where;
    }

    static final class U64Serializer extends JsonSerializer<Long> {
        @Override
        public void serialize(Long value, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (value < 0) {
                g.writeNumber(new BigInteger(Long.toUnsignedString(value)));
            } else {
                g.writeNumber(value);
            }
        }
    }

    static final class U64Deserializer extends JsonDeserializer<Long> {
        private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(64);

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                if (text.startsWith("0x") || text.startsWith("0X")) {
                    try {
                        return Long.parseUnsignedLong(text.substring(2).replace("_", ""), 16);
                    } catch (NumberFormatException e) {
                        return (Long) ctx.handleWeirdStringValue(Long.class, text, "not a u64 in hex");
                    }
                }
                return (Long) ctx.handleWeirdStringValue(Long.class, text, "expected a number or \"0x...\"");
            }
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Long) ctx.handleUnexpectedToken(Long.class, p);
            }
            BigInteger v = p.getBigIntegerValue();
            if (v.compareTo(LIMIT) >= 0 || v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0) {
                return (Long) ctx.handleWeirdNumberValue(Long.class, v, "beyond 64 bits");
            }
            return v.longValue();
        }
    }

    static String ioProblem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
