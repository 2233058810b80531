package dev.policywatch.diff.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Every RocksDB store of the topology shares one bounded cache and memtable budget (real RocksDB). */
class BoundedRocksDbMemoryTest {

    private static final long BUDGET = 16L * 1024 * 1024;

    @Test
    void storesWithTheSameBudgetShareOneCacheAndOneWriteBufferManager() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, BUDGET);
        try (Options versions = options(); Options blocks = options(); Options other = options()) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            setter.setConfig("versions", versions, configs);
            setter.setConfig("blocks", blocks, configs);
            setter.setConfig("elsewhere", other, Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, 2 * BUDGET));

            assertThat(table(versions).blockCache()).isNotNull().isSameAs(table(blocks).blockCache());
            assertThat(versions.writeBufferManager()).isNotNull().isSameAs(blocks.writeBufferManager());
            assertThat(table(other).blockCache()).isNotSameAs(table(versions).blockCache());
            assertThat(table(versions).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void afterWritingFarMoreThanTheBudgetTheSharedCacheHoldsWithinIt(@TempDir Path dir) throws Exception {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, BUDGET);
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        byte[] value = "第一条 运营者应当报送材料。".repeat(300).getBytes(StandardCharsets.UTF_8); // ~12 KB
        try (Options a = options().setCreateIfMissing(true); Options b = options().setCreateIfMissing(true)) {
            setter.setConfig("a", a, configs);
            setter.setConfig("b", b, configs);
            try (RocksDB first = RocksDB.open(a, dir.resolve("a").toString());
                    RocksDB second = RocksDB.open(b, dir.resolve("b").toString())) {
                for (int i = 0; i < 5_000; i++) { // 2 x 60 MB of values, over seven times the budget
                    byte[] key = ("doc-" + i).getBytes(StandardCharsets.UTF_8);
                    first.put(key, value);
                    second.put(key, value);
                }
                for (int i = 0; i < 5_000; i += 7) {
                    assertThat(first.get(("doc-" + i).getBytes(StandardCharsets.UTF_8))).isEqualTo(value);
                }
                // While writes outrun the background flushes the memtables may overshoot (the write-buffer
                // manager asks for flushes, it does not stall writers). Once flushed, the new memtables'
                // reservations, the pinned index blocks and the blocks cached for the reads above stay near the
                // one budget: at most twice it at this small size (each store unbounded: ~50 MB of cache and up
                // to 48 MB of memtables, here two stores would hold well over 100 MB).
                try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
                    first.flush(wait);
                    second.flush(wait);
                }
                long usage = table(a).blockCache().getUsage();
                assertThat(usage).isPositive().isLessThanOrEqualTo(2 * BUDGET);
            }
        }
    }

    @Test
    void theBudgetDefaultsTo64MiBAndRefusesNonsense() {
        assertThat(BoundedRocksDbMemory.budget(Map.of())).isEqualTo(64L * 1024 * 1024);
        assertThat(BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "33554432")))
                .isEqualTo(32L * 1024 * 1024);
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "64MB")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of bytes");
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, 1024)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least");
    }

    @Test
    void diffServiceStreamsUseTheBoundedSetter() {
        StreamsConfig config = new StreamsConfig(DiffStreams.config("127.0.0.1:1", "pw-test", "/tmp/unused", 100));
        assertThat(config.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
    }

    /** Options as Kafka Streams hands them to a setter: with its block-based table config. */
    private static Options options() {
        RocksDB.loadLibrary();
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        return options;
    }

    private static BlockBasedTableConfigWithAccessibleCache table(Options options) {
        return (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    }
}
