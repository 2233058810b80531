package dev.policywatch.events;

/**
 * A value on a topic could not be read as the expected event. The message says which event type,
 * what was wrong (field, line and column where known) and a clipped excerpt of the input, so an
 * operator reading the dead-letter topic knows what to fix. Never replaced by a silent null.
 */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
