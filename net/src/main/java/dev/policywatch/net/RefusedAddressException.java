package dev.policywatch.net;

import java.net.UnknownHostException;

/**
 * A host that may not be connected to under the address policy: it is (or resolves to) a non-public
 * address and is not the origin the client trusts. An {@link UnknownHostException}, because that is what
 * OkHttp's {@code Dns} may throw; callers tell it apart to report "refused", not "unknown host". The
 * message names the host and the address, never a URL path (a webhook path is a secret).
 */
public final class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
