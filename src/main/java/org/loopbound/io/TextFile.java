package org.loopbound.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a user's input file: strict UTF-8 (a malformed byte sequence is an error naming its byte offset and
 * line, never replaced or skipped), with one leading byte-order mark accepted and removed, whatever the format
 * read from the text afterwards, so that CSV and JSON treat a byte-order mark the same way.
 */
public final class TextFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFile() {
    }

    /**
     * @param file the file
     * @return its text without a leading byte-order mark
     * @throws InputFileException when the file does not exist, is a directory, or is not valid UTF-8
     * @throws java.io.UncheckedIOException naming the file and the cause when it exists but cannot be read
     */
    public static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputFileException(file.toString(), "", "is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file.toString(), "", "does not exist");
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
        String text = decode(file.toString(), bytes);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * @param file the file's name, for the message
     * @param bytes its content
     * @return the content decoded as UTF-8
     * @throws InputFileException at the first malformed or unmappable byte sequence, naming its offset and line
     */
    static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputFileException(file, "", "not valid UTF-8 at byte offset " + at + " (line " + line + ")");
        }
        out.flip();
        return out.toString();
    }
}
