/**
 * Outbound HTTP for the crawler and the notifier, under one address policy (SSRF).
 * {@link dev.policywatch.net.AddressPolicy} says which addresses are public;
 * {@link dev.policywatch.net.OutboundHttp} hands out OkHttp clients whose
 * {@link dev.policywatch.net.GuardedDns} resolves a host once, checks every address and connects only to
 * those, and whose network interceptor checks the address actually connected to;
 * {@link dev.policywatch.net.UrlOrigin} is the unit of trust (scheme, host, port): one origin per client may
 * be private (an operator's configured source or allow-listed webhook), every other one must be public.
 * No framework, no Kafka: plain classes over OkHttp, shared by the services that call out.
 */
package dev.policywatch.net;
