package org.pana.registration.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipFile;

/**
 * Receives an upload: copies it to a temporary file of its own (never under the name the client sent),
 * hashing it and counting its bytes on the way so a file over the limit is refused without being held
 * in memory, then recognises the format by its bytes. A legacy Excel file (OLE2, {@code .xls}), a ZIP
 * that is not a workbook, a PDF or an image is refused whatever its name says.
 */
final class FileReception {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final int SNIFF_BYTES = 8192;

    private FileReception() {}

    static ReceivedFile receive(InputStream upload, String clientName, long maxBytes) {
        Path temp = null;
        try {
            temp = createPrivateTempFile();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = new DigestInputStream(upload, digest); OutputStream out = Files.newOutputStream(temp)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new FileRefused(FileRefused.Reason.TOO_LARGE, "The file is larger than " + maxBytes + " bytes.");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new FileRefused(FileRefused.Reason.EMPTY, "The file is empty.");
            }
            ImportFormat format = recognise(temp);
            ReceivedFile received = new ReceivedFile(temp, safeName(clientName), HexFormat.of().formatHex(digest.digest()), size, format);
            temp = null;
            return received;
        } catch (IOException e) {
            throw new FileRefused(FileRefused.Reason.UNREADABLE, "The file could not be received.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** The format the bytes say; anything but an OOXML workbook or text is refused (415). */
    static ImportFormat recognise(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (startsWith(head, OLE2)) {
            throw new FileRefused(FileRefused.Reason.UNSUPPORTED_FORMAT,
                    "This is a legacy Excel (.xls) or other OLE2 file. Save it as .xlsx or CSV (UTF-8) and upload again.");
        }
        if (startsWith(head, ZIP)) {
            if (isWorkbook(file)) return ImportFormat.XLSX;
            throw new FileRefused(FileRefused.Reason.UNSUPPORTED_FORMAT, "This ZIP file is not an Excel workbook (.xlsx).");
        }
        if (looksLikeText(head)) return ImportFormat.CSV;
        throw new FileRefused(FileRefused.Reason.UNSUPPORTED_FORMAT, "Only CSV (UTF-8) and Excel (.xlsx) files can be imported.");
    }

    /**
     * A workbook has {@code xl/workbook.xml} in its ZIP central directory. Only the directory is read,
     * nothing is inflated (so a bomb goes off nowhere here); streamed writers' entries with data
     * descriptors are fine.
     */
    private static boolean isWorkbook(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() <= 10_000 && zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Text has no NUL and no other C0 control than tab, line feed, carriage return and form feed. */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Path createPrivateTempFile() throws IOException {
        try {
            return Files.createTempFile("pana-import-", ".upload",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile("pana-import-", ".upload");
        }
    }

    /** The client's file name for display only: no path, no control characters, bounded. */
    static String safeName(String clientName) {
        if (clientName == null || clientName.isBlank()) return "upload";
        String name = clientName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) return "upload";
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
