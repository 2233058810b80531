package dev.policywatch.engine.extract;

/**
 * How much a zip container (a {@code .docx}, an {@code .ofd}) may unpack to and how deep its XML may
 * nest before extraction gives up with an {@link ExtractionException}. The defaults keep a hostile
 * file within a few hundred megabytes of heap and a few seconds; a real policy document is far
 * below every one of them.
 *
 * @param maxEntries         entries in the archive (a 300-page OFD has about 310)
 * @param maxEntryBytes      uncompressed bytes of one entry
 * @param maxTotalBytes      uncompressed bytes of all the entries read, together
 * @param maxInflateRatio    uncompressed / compressed bytes of one entry, checked past {@code graceBytes}
 * @param graceBytes         an entry may inflate this much before its ratio is checked (tiny entries compress oddly)
 * @param maxXmlDepth        element nesting of any XML part
 */
public record ContainerLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxInflateRatio,
                              long graceBytes, int maxXmlDepth) {

    /** 10,000 entries, 100 MB an entry, 200 MB in all, ratio 100 past 1 MB, XML 256 deep. */
    public static final ContainerLimits DEFAULT =
            new ContainerLimits(10_000, 100L << 20, 200L << 20, 100.0, 1L << 20, 256);

    public ContainerLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxInflateRatio < 1 || graceBytes < 0
                || maxXmlDepth < 8) {
            throw new IllegalArgumentException("container limits must be positive (ratio >= 1, XML depth >= 8)");
        }
    }
}
