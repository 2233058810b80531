package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One run of an inline diff: text that is kept, inserted or deleted. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DiffOp(Op op, String text) {

    /** The operation of a diff run. */
    public enum Op { EQUAL, INSERT, DELETE }

    public DiffOp {
        Objects.requireNonNull(op, "diff op");
        Objects.requireNonNull(text, "diff text");
    }

    public static DiffOp equal(String text) {
        return new DiffOp(Op.EQUAL, text);
    }

    public static DiffOp insert(String text) {
        return new DiffOp(Op.INSERT, text);
    }

    public static DiffOp delete(String text) {
        return new DiffOp(Op.DELETE, text);
    }
}
