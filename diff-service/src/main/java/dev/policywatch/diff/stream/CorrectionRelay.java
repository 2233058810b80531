package dev.policywatch.diff.stream;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays an administrator's corrected change (docs/lineage.md "Correcting a link") from the corrections
 * topic to the changes topic, inside the topology's exactly-once transactions: the change is read,
 * checked (a {@link DocumentChange} keyed by its documentId, carrying a {@code correction}, producible)
 * and forwarded unchanged; anything else is a dead letter. The change was computed by the API from the
 * history, which holds both documents; this processor keeps no state.
 */
final class CorrectionRelay implements Processor<String, byte[], String, Routed> {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionRelay.class);

    private final ChangeBudget budget;
    private ProcessorContext<String, Routed> context;

    CorrectionRelay(ChangeBudget budget) {
        this.budget = budget;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        DocumentChange change = null;
        try {
            if (!budget.producible(record.value())) {
                throw new RecordTooLargeException("correction of " + record.value().length + " bytes is over the "
                        + budget.maxValueBytes() + "-byte limit of this topology's records");
            }
            change = EventJson.read(record.value(), DocumentChange.class);
            if (record.key() == null || !record.key().equals(change.documentId())) {
                throw new IllegalArgumentException("record key " + record.key() + " is not the change's documentId "
                        + change.documentId());
            }
            if (change.correction() == null) {
                throw new IllegalArgumentException("change " + change.changeId() + " carries no correction");
            }
        } catch (RuntimeException e) {
            ChangeProcessor.deadLetter(context, budget, record, "Correction",
                    change == null ? record.key() : change.documentId(), e);
            return;
        }
        context.forward(new Record<>(change.documentId(), Routed.change(record.value()), record.timestamp(),
                new RecordHeaders()));
        LOG.info("Correction {} of {} (supersedes {}) relayed to the changes", change.changeId(), change.documentId(),
                change.correction().supersedes());
    }
}
