package org.tlsj.interop;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSession;

/**
 * A Netty 4.2 HTTPS server (NIO transport) that answers a POST to {@link Ecosystem#ECHO_PATH} with its body,
 * {@link Ecosystem#BULK_PATH} with {@link Ecosystem#BULK} and anything else with {@link Ecosystem#BODY}, over
 * HTTP/1.1 or, when ALPN picks it, HTTP/2. Each response carries the {@link Ecosystem#TLS_HEADER} header with
 * the protocol and cipher suite of the server's own SSLSession.
 */
final class NettyHello implements AutoCloseable {
    private static final int MAX_CONTENT = 4 * 1024 * 1024;
    private final EventLoopGroup group;
    private final ExecutorService delegatedTasks;
    private final AtomicInteger tasksRun;
    private final Channel channel;

    private NettyHello(EventLoopGroup group, ExecutorService delegatedTasks, AtomicInteger tasksRun,
                       Channel channel) {
        this.group = group;
        this.delegatedTasks = delegatedTasks;
        this.tasksRun = tasksRun;
        this.channel = channel;
    }

    /**
     * Starts the server on 127.0.0.1 and a free port with the given TLS context. The SSLEngine's delegated
     * tasks (NEED_TASK) run on a pool of their own, off the event loop, as Netty does when given an executor.
     */
    static NettyHello start(SslContext tls) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExecutorService delegatedTasks = Executors.newFixedThreadPool(2);
        AtomicInteger tasksRun = new AtomicInteger();
        Executor counting = task -> delegatedTasks.execute(() -> {
            tasksRun.incrementAndGet();
            task.run();
        });
        try {
            Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(tls.newHandler(c.alloc(), counting), new Negotiation());
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            return new NettyHello(group, delegatedTasks, tasksRun, ch);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            delegatedTasks.shutdownNow();
            throw e;
        }
    }

    /** The port the server listens on. */
    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** How many of the engines' delegated tasks the server's executor has run so far. */
    int delegatedTasksRun() {
        return tasksRun.get();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        delegatedTasks.shutdownNow();
    }

    /** Sets up HTTP/2 or HTTP/1.1 once the handshake says which (no ALPN: HTTP/1.1). */
    private static final class Negotiation extends ApplicationProtocolNegotiationHandler {
        Negotiation() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                ctx.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                        new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                            @Override
                            protected void initChannel(Http2StreamChannel stream) {
                                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                                        new HttpObjectAggregator(MAX_CONTENT), new Hello());
                            }
                        }));
            } else {
                ctx.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_CONTENT), new Hello());
            }
        }
    }

    /** Answers a request with the page and the TLS header. */
    private static final class Hello extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            Channel connection = ctx.channel() instanceof Http2StreamChannel ? ctx.channel().parent() : ctx.channel();
            SSLSession s = connection.pipeline().get(SslHandler.class).engine().getSession();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    body(request));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .set(Ecosystem.TLS_HEADER, s.getProtocol() + " " + s.getCipherSuite());
            HttpUtil.setContentLength(response, response.content().readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        /** The echoed request body for a POST to the echo path, the bulk text or the page. */
        private static ByteBuf body(FullHttpRequest request) {
            if (request.method().equals(HttpMethod.POST) && request.uri().equals(Ecosystem.ECHO_PATH)) {
                return request.content().retainedDuplicate();
            }
            String text = request.uri().equals(Ecosystem.BULK_PATH) ? Ecosystem.BULK : Ecosystem.BODY;
            return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        }
    }
}
