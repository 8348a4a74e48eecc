package dev.jumbo.devstack.infra;

import dev.jumbo.infra.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each server its preferred port, or a free one when that port is busy (and says so), never the
 * same port twice.
 */
public final class PortAllocator {

    private static final Logger log = LoggerFactory.getLogger(PortAllocator.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    private final IntPredicate isFree;
    private final IntSupplier anyFreePort;
    private final Set<Integer> given = new HashSet<>();

    public PortAllocator() {
        this(port -> FreePorts.isFree(port) && !acceptsConnections(port), FreePorts::next);
    }

    PortAllocator(IntPredicate isFree, IntSupplier anyFreePort) {
        this.isFree = isFree;
        this.anyFreePort = anyFreePort;
    }

    /**
     * @param what the server, for the message when the port moves
     * @param preferred the configured port, or 0 for any free port
     */
    public synchronized int allocate(String what, int preferred) {
        if (preferred > 0 && !given.contains(preferred) && isFree.test(preferred)) {
            given.add(preferred);
            return preferred;
        }
        int port = anyFreePort.getAsInt();
        while (given.contains(port)) {
            port = anyFreePort.getAsInt();
        }
        given.add(port);
        if (preferred > 0) {
            log.warn("Port {} for {} is busy: using {} instead", preferred, what, port);
        }
        return port;
    }

    /**
     * A successful test bind does not prove a port is free: a listener with SO_REUSEPORT, or one on another
     * address family, lets the bind through and still takes the connections. So knock as well.
     */
    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reserves a port some process outside devstack will use, so nothing else is given it. */
    public synchronized void reserve(int port) {
        given.add(port);
    }
}
