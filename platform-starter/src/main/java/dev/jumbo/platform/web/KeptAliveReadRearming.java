package dev.jumbo.platform.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Asks for the next read each time a request's exchange ends on an HTTP/1.1 connection. Reactor Netty 1.3.6 reads on
 * demand and can finish draining queued requests without asking (reactor/reactor-netty#4361, ADR 0011): the
 * client's next request then sits unread until it gives up. An extra read is harmless, since Reactor Netty queues a
 * request that arrives while another is in flight.
 */
@ChannelHandler.Sharable
final class KeptAliveReadRearming extends ChannelInboundHandlerAdapter implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(KeptAliveReadRearming.class);
    private static final String NAME = "jumbo.keptAliveReadRearming";
    private static final String EXCHANGE_ENDED = "reactor.netty.http.server.HttpServerOperationsTerminatedEvent";

    @Override
    public HttpServer apply(HttpServer server) {
        try {
            Class.forName(EXCHANGE_ENDED, false, HttpServer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            log.warn("{} is gone from this Reactor Netty: kept-alive reads are not re-armed (ADR 0011)", EXCHANGE_ENDED);
            return server;
        }
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, NAME, this);
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event.getClass().getName().equals(EXCHANGE_ENDED)) {
            // after the drain Reactor Netty has just scheduled, so its last step cannot swallow this read
            ctx.executor().execute(() -> {
                if (ctx.channel().isActive()) {
                    ctx.read();
                }
            });
        }
        ctx.fireUserEventTriggered(event);
    }
}
