package dev.policywatch.crawler.fetch;

/**
 * The validators of a previous answer, sent back as If-None-Match / If-Modified-Since so an unchanged
 * page costs a 304. Either may be null.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = etag == null || etag.isBlank() ? null : etag;
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
