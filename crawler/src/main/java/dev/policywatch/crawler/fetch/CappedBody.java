package dev.policywatch.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap. Past the cap it stops reading (cancelling the exchange, so a
 * 60 MB answer costs 25 MB, not 60) and completes with {@code truncated = true}; a truncated body is
 * never treated as a document. Records when bytes last arrived, so the caller can cut a body that
 * stalls. One instance per response.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Body> {

    /** The bytes received (at most the cap) and whether more were on offer. */
    record Body(byte[] bytes, boolean truncated) {
    }

    private final long cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private volatile long lastActivityNanos = System.nanoTime();
    private Flow.Subscription subscription;

    CappedBody(long cap, long declaredLength) {
        this.cap = cap;
        if (declaredLength > cap) {
            // the server announced more than we accept: do not read any of it
            result.complete(new Body(new byte[0], true));
        }
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        lastActivityNanos = System.nanoTime();
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (buffer.size() + (long) n > cap) {
                subscription.cancel();
                result.complete(new Body(buffer.toByteArray(), true));
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            buffer.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(buffer.toByteArray(), false));
    }
}
