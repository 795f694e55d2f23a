package org.spares.support;

import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * A fresh test database reached through a {@link TcpProxy}, so a test can delay or cut the service's link to it
 * while the test's own connection ({@link #direct()}) stays up. On MySQL/MariaDB (SPARES_TEST_DB_URL) the proxy
 * stands in front of that server; on the default H2 run an H2 TCP server on 127.0.0.1 takes its place, so both
 * runs exercise the same faults through the same proxy and nothing is skipped.
 */
public final class ProxiedDatabase {
    private static final String H2_MODE = ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private final TestDatabase direct;
    private final TcpProxy proxy;
    private final String proxiedUrl;

    private ProxiedDatabase(TestDatabase direct, TcpProxy proxy, String proxiedUrl) {
        this.direct = direct;
        this.proxy = proxy;
        this.proxiedUrl = proxiedUrl;
    }

    public static ProxiedDatabase start() {
        if (TestDatabase.usesMySql()) {
            TestDatabase direct = TestDatabase.fresh();
            URI server = URI.create(direct.url().substring("jdbc:".length()));
            TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort());
            String hostPort = "//" + server.getHost() + ":" + server.getPort() + "/";
            return new ProxiedDatabase(direct, proxy,
                    direct.url().replace(hostPort, "//127.0.0.1:" + proxy.port() + "/"));
        }
        Server h2;
        try {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot start the H2 TCP server", failure);
        }
        String name = "/mem:spares_proxied_" + UUID.randomUUID().toString().substring(0, 8) + H2_MODE;
        TestDatabase direct = TestDatabase.at("jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + name, "sa", "");
        TcpProxy proxy = TcpProxy.to("127.0.0.1", h2.getPort());
        return new ProxiedDatabase(direct, proxy, "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + name);
    }

    /** The database as the test reaches it: straight, never through the proxy. */
    public TestDatabase direct() {
        return direct;
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** The URL the service is given: through the proxy. */
    public String proxiedUrl() {
        return proxiedUrl;
    }
}
