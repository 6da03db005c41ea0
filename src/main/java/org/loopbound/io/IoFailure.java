package org.loopbound.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The one-line description of a failed file operation: "cannot write out/summary.json: permission denied". The JDK's
 * file-system exceptions carry the path as their message and the cause in their type or reason, so that a bare
 * {@code getMessage()} would say only the path.
 */
public final class IoFailure {

    private IoFailure() {
    }

    /**
     * @param action what was attempted, e.g. {@code "write"}, {@code "create the folder"}
     * @param path the path it was attempted on
     * @param e the failure
     * @return an unchecked exception whose message is "cannot ACTION PATH: CAUSE", with {@code e} as its cause
     */
    public static UncheckedIOException of(String action, Path path, IOException e) {
        return new UncheckedIOException("cannot " + action + " " + path + ": " + cause(e), e);
    }

    /**
     * @param e an I/O failure
     * @return its cause in words, without the path or an exception class name, e.g. "no space left on device"
     */
    public static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "input/output error";
        }
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + reason.substring(1);
    }
}
