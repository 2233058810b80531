package dev.policywatch.crawler.fetch;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A network interceptor that caps the bytes received per response, before any decoding: a body
 * announced larger than the cap is refused unread, one that turns out larger is cut as soon as it
 * passes the cap. Counts what it lets through into the request's {@link Meter} tag. OkHttp's transparent
 * gzip decodes above this interceptor, so the cap is on the wire bytes, as configured.
 */
final class WireLimit implements Interceptor {

    /** Per request: the wire bytes received. */
    static final class Meter {
        volatile long bytes;
    }

    /** A body over the wire cap. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message, null);
        }
    }

    private final long cap;

    WireLimit(long cap) {
        this.cap = cap;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        Meter meter = chain.request().tag(Meter.class);
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > cap) {
            response.close();
            throw new TooLarge("body of " + declared + " bytes announced, over the cap of " + cap + " bytes: not read");
        }
        return response.newBuilder().body(new Capped(body, cap, meter)).build();
    }

    private static final class Capped extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        Capped(ResponseBody delegate, long cap, Meter meter) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                long total;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n = super.read(sink, byteCount);
                    if (n > 0) {
                        total += n;
                        if (meter != null) {
                            meter.bytes = total;
                        }
                        if (total > cap) {
                            throw new TooLarge("body larger than the cap of " + cap + " bytes: not used");
                        }
                    }
                    return n;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
