package io.basin.spectrum.flight;

import java.util.ArrayList;
import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** Where a remote scan worker listens: {@code host:port}. */
public record WorkerAddress(String host, int port)
{
    /** In a list of workers, the in-process pool taking tasks like the remote workers. */
    public static final String LOCAL = "local";

    public WorkerAddress
    {
        requireNonNull(host, "host is null");
        checkArgument(!host.isBlank(), "host is blank");
        checkArgument(port > 0 && port <= 65535, "port %s is not between 1 and 65535", port);
    }

    /**
     * A comma-separated list such as {@code 10.0.0.5:7001, 10.0.0.6:7001}; {@link #LOCAL} entries
     * are left out (see {@link #listsLocal}).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code host:port}
     */
    public static List<WorkerAddress> parseList(String addresses)
    {
        List<WorkerAddress> parsed = new ArrayList<>();
        for (String entry : addresses.split(",")) {
            String address = entry.strip();
            if (address.isEmpty() || address.equalsIgnoreCase(LOCAL)) {
                continue;
            }
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new IllegalArgumentException("'%s' is not host:port".formatted(address));
            }
            int port;
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("'%s' is not host:port".formatted(address));
            }
            String host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            parsed.add(new WorkerAddress(host, port));
        }
        return List.copyOf(parsed);
    }

    /** Whether a comma-separated list of workers names {@link #LOCAL}. */
    public static boolean listsLocal(String addresses)
    {
        for (String entry : addresses.split(",")) {
            if (entry.strip().equalsIgnoreCase(LOCAL)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString()
    {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
