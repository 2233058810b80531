package dev.policywatch.engine.extract;

/**
 * The bytes cannot be read as a document: an encrypted PDF, a PDF without a text layer, an
 * unsupported or undetectable format, input over the size limit. The message says which, in words
 * an operator can act on. Broken but readable input (unterminated HTML, odd encodings) is not an
 * error: it is extracted as well as it can be.
 */
public class ExtractionException extends RuntimeException {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
