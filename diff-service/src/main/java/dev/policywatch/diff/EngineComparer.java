package dev.policywatch.diff;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.events.Block;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The production {@link DocumentComparer}: the engine's front door ({@link Engine#compare}), which
 * segments both versions, aligns their provisions and diffs their words. Stateless and thread-safe.
 */
@Singleton
public final class EngineComparer implements DocumentComparer {

    private final Engine engine = new Engine();

    @Override
    public Comparison compare(List<Block> oldBlocks, List<Block> newBlocks) {
        DiffResult result = engine.compare(oldBlocks, newBlocks);
        return new Comparison(result.changes(), result.structureChanges(), result.summary());
    }
}
