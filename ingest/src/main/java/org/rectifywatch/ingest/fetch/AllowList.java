package org.rectifywatch.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts the crawler may fetch: exactly those named by the profiles' {@code allowed_hosts}
 * ({@code *.example.cn} allows subdomains). A host that resolves to a private, loopback, link-local or
 * otherwise internal address is refused unless that address (or {@code localhost}) is named literally,
 * so a public-looking name can never steer the crawler into the operator's network.
 */
public final class AllowList {

    /** Resolves a host name; replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> entries;
    private final Resolver resolver;

    public AllowList(Collection<String> hosts) {
        this(hosts, InetAddress::getAllByName);
    }

    public AllowList(Collection<String> hosts, Resolver resolver) {
        Set<String> e = new LinkedHashSet<>();
        hosts.forEach(h -> e.add(normalise(h)));
        this.entries = Set.copyOf(e);
        this.resolver = resolver;
    }

    public Set<String> entries() {
        return entries;
    }

    /** Empty when the URL may be fetched, else the refusal. */
    public Optional<FetchOutcome> check(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of(FetchOutcome.skipped(url, SkipReason.NOT_ALLOWED_HOST, "malformed URL"));
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(FetchOutcome.skipped(url, SkipReason.NOT_ALLOWED_HOST, "scheme " + scheme + " is not fetched"));
        }
        String host = u.getHost() == null ? "" : normalise(u.getHost());
        if (u.getUserInfo() != null) {
            return Optional.of(FetchOutcome.skipped(url, SkipReason.NOT_ALLOWED_HOST, "URLs with credentials are not fetched"));
        }
        if (!hostAllowed(host)) {
            return Optional.of(FetchOutcome.skipped(url, SkipReason.NOT_ALLOWED_HOST,
                    "host " + host + " is not in any profile's allowed_hosts"));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(FetchOutcome.skipped(url, SkipReason.NETWORK, "host " + host + " does not resolve"));
        }
        for (InetAddress a : addresses) {
            if (isInternal(a) && !namedLiterally(host)) {
                return Optional.of(FetchOutcome.skipped(url, SkipReason.PRIVATE_ADDRESS, "host " + host
                        + " resolves to the internal address " + a.getHostAddress()
                        + "; name it literally in allowed_hosts to crawl it"));
            }
        }
        return Optional.empty();
    }

    public boolean hostAllowed(String host) {
        String h = normalise(host);
        if (entries.contains(h)) {
            return true;
        }
        for (String e : entries) {
            if (e.startsWith("*.") && h.endsWith(e.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /** An internal address is only allowed when the profile names the IP literal or localhost itself. */
    private boolean namedLiterally(String host) {
        return entries.contains(host) && (host.equals("localhost") || isIpLiteral(host));
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return b0 == 0 || (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT
                    || (b0 == 198 && (b1 == 18 || b1 == 19)) || b0 >= 240;
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    public static AllowList of(List<String> hosts) {
        return new AllowList(hosts);
    }
}
