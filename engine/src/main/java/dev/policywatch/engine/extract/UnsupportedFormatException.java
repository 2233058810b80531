package dev.policywatch.engine.extract;

/**
 * The bytes are a format policywatch does not read (a spreadsheet, an image, an RTF file, an
 * archive): a permanent property of the document, not a transient failure. The message says what
 * the bytes were found to be, so an operator can tell a wrong link from a missing feature.
 */
public class UnsupportedFormatException extends ExtractionException {

    private final String detected;

    public UnsupportedFormatException(String detected) {
        super("unsupported format: " + detected);
        this.detected = detected;
    }

    /** What the bytes were found to be ("an Excel workbook", "a PNG image"). */
    public String detected() {
        return detected;
    }
}
