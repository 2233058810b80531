package dev.policywatch.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The outbound HTTP of a service: one configured {@link OkHttpClient} (its timeouts, pool and
 * dispatcher) and, derived from it, one client per trust. {@link #client(UrlOrigin)} answers a client
 * that may connect to non-public addresses only at the given origin (an operator's configured source,
 * an allow-listed local webhook receiver), and to public addresses anywhere else;
 * {@code client(null)} trusts no origin. Each client resolves with a {@link GuardedDns} (resolve once,
 * check every address, connect only to those) and checks, in a network interceptor, the address it
 * actually connected to before a byte of the request is sent; IP literals, which OkHttp never passes to
 * its {@code Dns}, are caught there and, earlier, by {@link #refusal(URI, UrlOrigin)}.
 *
 * <p>Redirects are never followed by OkHttp (a caller that follows them does so hop by hop, each hop
 * checked again), no proxy is used (a proxy would resolve names out of our sight), and gzip is OkHttp's
 * transparent gzip. Thread-safe; build one per service and share it.
 */
public final class OutboundHttp {

    private final OkHttpClient base;
    private final HostResolver resolver;
    private final OkHttpClient untrusting;
    private final Map<UrlOrigin, OkHttpClient> trusting = new ConcurrentHashMap<>();

    /**
     * @param configured the service's settings (timeouts, interceptors); redirects, proxy and Dns are set here
     * @param resolver   name resolution ({@link HostResolver#system()} outside tests)
     */
    public OutboundHttp(OkHttpClient.Builder configured, HostResolver resolver) {
        this.resolver = resolver;
        this.base = configured.proxy(Proxy.NO_PROXY).followRedirects(false).followSslRedirects(false).build();
        this.untrusting = derive(null);
    }

    /** A client trusting {@code trusted} (may be private) and nothing else; null trusts nothing. */
    public OkHttpClient client(UrlOrigin trusted) {
        return trusted == null ? untrusting : trusting.computeIfAbsent(trusted, this::derive);
    }

    /** Forgets the clients of origins no longer trusted (sources removed from the configuration). */
    public void retain(java.util.Collection<UrlOrigin> stillTrusted) {
        trusting.keySet().retainAll(java.util.Set.copyOf(stillTrusted));
    }

    /**
     * Why {@code url} may not be requested under {@code trusted}, or null when it may: only absolute
     * http(s) URLs with a host; outside the trusted origin, only hosts whose every address is public
     * (names are resolved here for a clear answer; the connection resolves and checks again).
     */
    public String refusal(URI url, UrlOrigin trusted) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "refused " + (scheme.isEmpty() ? "relative" : scheme + ":") + " URL " + clip(url)
                    + " (only http and https are fetched)";
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return "refused URL without a host: " + clip(url);
        }
        UrlOrigin origin = UrlOrigin.of(url);
        if (origin.equals(trusted)) {
            return null;
        }
        try {
            for (InetAddress a : new GuardedDns(resolver, null).resolve(origin.host())) {
                if (!AddressPolicy.isPublic(a)) {
                    return "refused " + clip(url) + ": " + origin.host() + " is non-public address "
                            + a.getHostAddress() + " and not the trusted origin"
                            + (trusted == null ? "" : " " + trusted);
                }
            }
            return null;
        } catch (RefusedAddressException e) {
            return "refused " + clip(url) + ": " + e.getMessage();
        } catch (UnknownHostException e) {
            return null; // the request itself fails with "unknown host"; nothing is reached
        }
    }

    /** A URL shortened for messages and logs. */
    public static String clip(URI uri) {
        String s = uri.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private OkHttpClient derive(UrlOrigin trusted) {
        return base.newBuilder()
                .dns(new GuardedDns(resolver, trusted == null ? null : trusted.host()))
                .addNetworkInterceptor(new ConnectedAddressCheck(trusted))
                .build();
    }

    /** Refuses to send anything over a connection to a non-public address outside the trusted origin. */
    private record ConnectedAddressCheck(UrlOrigin trusted) implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Connection connection = chain.connection();
            InetAddress address = connection == null ? null : connection.route().socketAddress().getAddress();
            UrlOrigin origin = UrlOrigin.of(chain.request().url());
            if (!AddressPolicy.isPublic(address) && !origin.equals(trusted)) {
                chain.call().cancel();
                throw new RefusedAddressException(origin.host() + " is non-public address "
                        + (address == null ? "(unknown)" : address.getHostAddress()) + " and not the trusted origin");
            }
            return chain.proceed(chain.request());
        }
    }
}
