package dev.policywatch.engine.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A zip archive held in memory, read under {@link ContainerLimits}: the entry count is checked from
 * the end-of-central-directory record before anything else is parsed, and every entry is inflated
 * through a counter that stops at the per-entry size, the total size and the inflation ratio (a zip
 * bomb fails after reading at most the limits, never after filling the heap). Only the entries asked
 * for are inflated, so a huge embedded image is never touched unless {@link #checkAll} is called, and
 * then it is counted and discarded, never decoded.
 *
 * <p>Not thread-safe; one per document. Every failure is an {@link ExtractionException} saying which limit.
 */
final class SafeZip implements AutoCloseable {

    private static final int EOCD_SIGNATURE = 0x06054b50;

    private final ZipFile zip;
    private final ContainerLimits limits;
    private final String what;
    private long totalRead;

    private SafeZip(ZipFile zip, ContainerLimits limits, String what) {
        this.zip = zip;
        this.limits = limits;
        this.what = what;
    }

    /** True when the bytes start like a zip archive (a local file header or an empty archive). */
    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }

    /**
     * Opens the archive.
     *
     * @param what the kind of document, for messages ("Word document", "OFD document")
     */
    static SafeZip open(byte[] bytes, ContainerLimits limits, String what) {
        int declared = declaredEntryCount(bytes, what);
        if (declared > limits.maxEntries()) {
            throw new ExtractionException(what + " refused: its zip container declares " + declared
                    + " entries (limit " + limits.maxEntries() + ")");
        }
        try {
            ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
            return new SafeZip(zip, limits, what);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("not a readable " + what + ": broken zip container (" + e.getMessage() + ")", e);
        }
    }

    /** The names of the entries, in central-directory order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            names.add(e.getName());
        }
        return names;
    }

    /** Whether the archive has this entry (names are matched exactly, then ignoring case and a leading slash). */
    boolean has(String name) {
        return entry(name) != null;
    }

    /** The inflated bytes of one entry, within the limits; an {@link ExtractionException} when absent. */
    byte[] read(String name) {
        ZipArchiveEntry entry = entry(name);
        if (entry == null) {
            throw new ExtractionException("not a readable " + what + ": it has no " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(entry, out);
        return out.toByteArray();
    }

    /**
     * Inflates every entry once, counting and discarding the bytes, and checks the nesting of every
     * XML part: what a library that reads the whole archive (POI) will meet, checked first.
     */
    void checkAll() {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            if (entry.isDirectory()) {
                continue;
            }
            String lower = entry.getName().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".xml") || lower.endsWith(".rels")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy(entry, out);
                SecureXml.checkWellFormed(out.toByteArray(), limits.maxXmlDepth(), what + " part " + entry.getName());
            } else {
                copy(entry, OutputSink.INSTANCE);
            }
        }
    }

    private ZipArchiveEntry entry(String name) {
        String wanted = name.startsWith("/") ? name.substring(1) : name;
        ZipArchiveEntry exact = zip.getEntry(wanted);
        if (exact != null) {
            return exact;
        }
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            String n = e.getName().startsWith("/") ? e.getName().substring(1) : e.getName();
            if (n.equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        return null;
    }

    private void copy(ZipArchiveEntry entry, java.io.OutputStream out) {
        long compressed = Math.max(1, entry.getCompressedSize());
        long read = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                read += n;
                totalRead += n;
                if (read > limits.maxEntryBytes()) {
                    throw bomb(entry, "unpacks to more than " + limits.maxEntryBytes() + " bytes");
                }
                if (totalRead > limits.maxTotalBytes()) {
                    throw bomb(entry, "the archive unpacks to more than " + limits.maxTotalBytes() + " bytes in all");
                }
                if (read > limits.graceBytes() && read > compressed * limits.maxInflateRatio()) {
                    throw bomb(entry, "inflates more than " + (long) limits.maxInflateRatio() + " times ("
                            + compressed + " compressed bytes)");
                }
                out.write(buffer, 0, n);
            }
        } catch (UnsupportedZipFeatureException e) {
            throw new ExtractionException(what + " cannot be read: its zip entry " + entry.getName()
                    + " uses an unsupported feature (" + e.getFeature() + "; encrypted?)", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExtractionException x) {
                throw x;
            }
            throw new ExtractionException("not a readable " + what + ": zip entry " + entry.getName()
                    + " is broken (" + e.getMessage() + ")", e);
        }
    }

    private ExtractionException bomb(ZipArchiveEntry entry, String why) {
        return new ExtractionException(what + " refused as a zip bomb: entry " + entry.getName() + " " + why);
    }

    /**
     * The entry count the end-of-central-directory record declares, read before the central
     * directory is parsed (parsing a million entries would itself exhaust the heap).
     */
    private static int declaredEntryCount(byte[] bytes, String what) {
        int min = Math.max(0, bytes.length - 22 - 0xFFFF);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 22; i >= min; i--) {
            if (buf.getInt(i) == EOCD_SIGNATURE) {
                int total = Short.toUnsignedInt(buf.getShort(i + 10));
                if (total == 0xFFFF) {
                    throw new ExtractionException(what + " refused: a ZIP64 container (more than 65,535 entries"
                            + " or 4 GB), which no real document needs");
                }
                return total;
            }
        }
        throw new ExtractionException("not a readable " + what + ": the zip container has no central directory"
                + " (truncated download?)");
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // an in-memory channel cannot fail to close; nothing was written
        }
    }

    /** Counts nothing, keeps nothing: the bytes of entries checked for size only. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
