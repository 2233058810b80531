package dev.policywatch.diff.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of a Kafka Streams application by one budget, as Kafka
 * Streams' memory-management docs describe: all stores share one LRU block cache of
 * {@value #MEMORY_CONFIG} bytes, and a {@link WriteBufferManager} charges their memtables to that same
 * cache (at most half of it), with index and filter blocks cached there too. Without it each store instance
 * takes its own 50 MB block cache and up to three 16 MB memtables: diff-service's six store instances
 * (two stores over three partitions) could hold some 500 MB outside the heap. The bound is soft: when the
 * memtables reach their share RocksDB is asked to flush them, writers are not stalled, so it may be exceeded
 * while writes outrun the flushes.
 *
 * <p>Set {@value #MEMORY_CONFIG} (bytes) in the Streams configuration; the cache and the write-buffer
 * manager are created once per budget and shared by every store of every Streams instance of the JVM that
 * asks for the same budget (Kafka Streams makes one setter per store, so they are static). They are never
 * closed: the stores that use them live as long as the application.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams configuration key: the bytes all RocksDB stores together may use (block cache + memtables). */
    public static final String MEMORY_CONFIG = "policywatch.rocksdb.memory.bytes";
    /** 64 MiB: the default budget. */
    public static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;
    /** Smallest budget accepted: a few MiB keep a store of large values workable. */
    public static final long MIN_MEMORY_BYTES = 8L * 1024 * 1024;
    /** The share of the budget memtables may take before RocksDB flushes them. */
    static final double MEMTABLE_SHARE = 0.5;
    /** The share of the cache kept for index and filter blocks (high priority). */
    static final double INDEX_FILTER_SHARE = 0.1;

    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    /** One cache and one write-buffer manager per budget. */
    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
        static Shared of(long bytes) {
            // the RocksDB classes load the native library through the Options the setter is given
            Cache cache = new LRUCache(bytes, -1, false, INDEX_FILTER_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        }
    }

    /** The budget in {@code configs}, or the default; a value too small or not a number is refused. */
    public static long budget(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_CONFIG);
        if (value == null || value.toString().isBlank()) {
            return DEFAULT_MEMORY_BYTES;
        }
        long bytes;
        try {
            bytes = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_CONFIG + " must be a number of bytes, was " + value);
        }
        if (bytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException(MEMORY_CONFIG + " must be at least " + MIN_MEMORY_BYTES
                    + " bytes, was " + bytes);
        }
        return bytes;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = SHARED.computeIfAbsent(budget(configs), Shared::of);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the shared cache and write-buffer manager outlive every store: nothing to close per store
    }
}
