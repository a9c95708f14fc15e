package io.basin.connector;

import io.trino.spi.HostAddress;
import io.trino.spi.Node;
import io.trino.spi.NodeManager;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The cluster as connectors see it: one node that is both coordinator and worker. Basin scales
 * out by running its connectors inside a Trino cluster, not by clustering itself.
 */
public final class LocalNodeManager
        implements NodeManager
{
    private final LocalNode node;
    private final String environment;

    public LocalNodeManager(LocalNode node, String environment)
    {
        this.node = requireNonNull(node, "node is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** The local node at {@code localhost}, in environment {@code basin}. */
    public static LocalNodeManager create(String version)
    {
        return new LocalNodeManager(new LocalNode("basin-local", HostAddress.fromParts("localhost", 5439), version), "basin");
    }

    @Override
    public Set<Node> getAllNodes()
    {
        return Set.of(node);
    }

    @Override
    public Set<Node> getWorkerNodes()
    {
        return Set.of(node);
    }

    @Override
    public Node getCurrentNode()
    {
        return node;
    }

    @Override
    public String getEnvironment()
    {
        return environment;
    }

    /**
     * The node Basin runs on.
     *
     * @param nodeIdentifier a stable id for the node
     * @param hostAndPort the address clients reach Basin at
     * @param version the Basin version
     */
    public record LocalNode(String nodeIdentifier, HostAddress hostAndPort, String version)
            implements Node
    {
        public LocalNode
        {
            requireNonNull(nodeIdentifier, "nodeIdentifier is null");
            requireNonNull(hostAndPort, "hostAndPort is null");
            requireNonNull(version, "version is null");
        }

        @Override
        public String getHost()
        {
            return hostAndPort.getHostText();
        }

        @Override
        public HostAddress getHostAndPort()
        {
            return hostAndPort;
        }

        @Override
        public String getNodeIdentifier()
        {
            return nodeIdentifier;
        }

        @Override
        public String getVersion()
        {
            return version;
        }

        @Override
        public boolean isCoordinator()
        {
            return true;
        }
    }
}
