package dev.sluice.runtime;

import dev.sluice.api.ByteView;
import dev.sluice.api.RecordBatch;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentRecords;

/**
 * Hands one input document to a batch stage: its records read in place, each announced to the poison
 * guard before the stage sees it. A record that throws goes to the stage's on-error policy, and the
 * stage is called again to carry on after it, as the per-record path always did.
 */
final class DocumentDelivery implements RecordBatch {
    /** What the stage does with a document's records. */
    interface BatchCall {
        void call(RecordBatch records) throws Exception;
    }

    private static final byte[] NO_RECORD = new byte[0];

    private final PoisonGuard poison;
    private final RecordErrors errors;
    private DocumentRecords records;
    private int queue;
    private long doc;

    DocumentDelivery(PoisonGuard poison, RecordErrors errors) {
        this.poison = poison;
        this.errors = errors;
    }

    void deliver(DocumentReader reader, int inputQueue, BatchCall call) throws Exception {
        records = reader.batch();
        queue = inputQueue;
        doc = reader.header.docSeq;
        poison.enter(queue, doc);
        errors.at(queue, doc);
        while (true) {
            int before = records.index();
            try {
                call.call(this);
                break;
            } catch (Exception e) {
                int index = records.index();
                boolean onRecord = index >= 0 && index < records.size();
                errors.onError(Math.max(0, Math.min(index, records.size() - 1)),
                        onRecord ? records.record().toByteArray() : NO_RECORD, e);
                if (!onRecord || index == before) {
                    break; // not a record's failure, or no progress since the last one: the document is done with
                }
            }
        }
        poison.leave(); // what follows (flush, append, snapshot) is no record's doing
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public boolean next() {
        if (!records.next()) {
            return false;
        }
        poison.check(queue, doc, records.index());
        return true;
    }

    @Override
    public ByteView record() {
        return records.record();
    }
}
