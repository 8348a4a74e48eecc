package dev.jumbo.devstack.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs the shutdown on Ctrl-C, SIGTERM and SIGHUP, then exits with 128 + the signal number.
 *
 * <p>A JVM shutdown hook alone is not enough: the embedded PostgreSQL and Redis libraries register hooks
 * of their own, and the JVM runs all hooks at once, so the database would stop while the services are
 * still draining. Handling the signals first lets the whole ordered stop finish before any hook runs;
 * the hook stays as a fallback for {@code System.exit} and for signals this JVM may not handle.
 */
public final class ShutdownSignals {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private ShutdownSignals() {
    }

    public static void install(Runnable shutdown) {
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "devstack-shutdown-hook"));
        AtomicBoolean shuttingDown = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!shuttingDown.compareAndSet(false, true)) {
                        log.info("Still stopping…");
                        return;
                    }
                    log.info("SIG{} received: stopping Jumbo", signal.getName());
                    Thread stopper = new Thread(() -> {
                        shutdown.run();
                        System.exit(128 + signal.getNumber());
                    }, "devstack-stop");
                    stopper.start();
                });
            } catch (IllegalArgumentException e) {
                // The signal was ignored when this JVM started (nohup, a background job): the parent decides.
                log.debug("Not handling SIG{}: {}", name, e.getMessage());
            }
        }
    }
}
