package dev.policywatch.diff.stream;

/** What {@link ChangeProcessor} hands downstream: a change's JSON, or the bytes of a dead letter. */
record Routed(boolean deadLetter, byte[] bytes) {

    static Routed change(byte[] json) {
        return new Routed(false, json);
    }

    static Routed deadLetter(byte[] original) {
        return new Routed(true, original);
    }
}
