package org.tlsj.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.tlsj.jsse.TlsjContexts;

/**
 * A Netty 4.2 HTTPS/1.1 server (NIO, one event loop group of two threads) answering every GET with the same
 * small body, and a Netty client (its own two-thread group, offering only {@link #GROUP}) that drives it from
 * this JVM over 127.0.0.1:
 * either a new TLS connection per request or keep-alive requests on one connection per client loop. The
 * SSLEngines' delegated tasks run where Netty runs them by default (on the event loop).
 */
final class NettyHttp implements AutoCloseable {
    /** The response body. */
    static final byte[] BODY = "hello from the tlsj bench\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CONTENT = 64 * 1024;
    /** The only group the clients offer, as in the harness's other cases. */
    static final String GROUP = "x25519";
    private static final int EVENT_LOOP_THREADS = 2;

    private final EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
            NioIoHandler.newFactory());
    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
            NioIoHandler.newFactory());
    private final Channel server;
    private final SslContext clientTls;

    /** Starts the server on 127.0.0.1 and a free port with {@code serverTls}; the client will use {@code clientTls}. */
    NettyHttp(SslContext serverTls, SslContext clientTls) throws InterruptedException {
        this.clientTls = clientTls;
        try {
            server = new ServerBootstrap().group(serverGroup).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(serverTls.newHandler(c.alloc()), new HttpServerCodec(),
                                    new HttpObjectAggregator(MAX_CONTENT), new Hello());
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * What one load run did.
     *
     * @param requests responses received
     * @param seconds the wall-clock time the run took
     * @param failures connections or requests that failed
     * @param firstFailure the first failure, or empty
     */
    record Load(long requests, double seconds, long failures, String firstFailure) {
        /** Requests per second. */
        double rate() {
            return requests / seconds;
        }
    }

    /**
     * Runs {@code loops} client loops for {@code seconds}: each opens a connection, sends a GET, waits for the
     * whole response and then, with {@code keepAlive}, sends the next GET on the same connection, otherwise
     * closes it (the request says {@code Connection: close}) and opens a new one.
     */
    Load run(int loops, double seconds, boolean keepAlive) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(loops);
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> first = new AtomicReference<>("");
        Loop.Shared shared = new Loop.Shared(this, deadline, keepAlive, done, requests, failures, first);
        for (int i = 0; i < loops; i++) {
            new Loop(shared).connect();
        }
        if (!done.await((long) seconds + 30, TimeUnit.SECONDS)) {
            first.compareAndSet("", "client loops still running 30 s after the deadline");
        }
        return new Load(requests.get(), (System.nanoTime() - start) / 1e9, failures.get(), first.get());
    }

    /** One GET on a new connection: "protocol suite, engine class" as the client saw them. */
    String probe() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>("no response");
        Channel ch = connect(new SimpleChannelInboundHandler<FullHttpResponse>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                SSLSession s = ssl.engine().getSession();
                String group = TlsjContexts.sessionInfo(s).map(i -> i.group().toString()).orElse("offered " + GROUP);
                seen.set(s.getProtocol() + " " + s.getCipherSuite() + " " + group + ", engine "
                        + ssl.engine().getClass().getName());
                ctx.close();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                seen.set("failed: " + cause);
                ctx.close();
            }
        }).sync().channel();
        ch.closeFuture().addListener(f -> done.countDown());
        ch.writeAndFlush(request(false));
        done.await(20, TimeUnit.SECONDS);
        return seen.get();
    }

    /** Starts connecting a client channel whose pipeline ends in {@code handler}. */
    private ChannelFuture connect(ChannelHandler handler) {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        SslHandler tls = clientTls.newHandler(c.alloc());
                        offerOnly(tls.engine(), GROUP);
                        c.pipeline().addLast(tls, new HttpClientCodec(),
                                new HttpObjectAggregator(MAX_CONTENT), handler);
                    }
                }).connect("127.0.0.1", port);
    }

    /** Restricts the groups a client engine offers (before its handshake starts). */
    private static void offerOnly(SSLEngine engine, String group) {
        SSLParameters p = engine.getSSLParameters();
        p.setNamedGroups(new String[] {group});
        engine.setSSLParameters(p);
    }

    private static FullHttpRequest request(boolean keepAlive) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        r.headers().set(HttpHeaderNames.HOST, Fixtures.HOST);
        if (!keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return r;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        clientGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One client loop: its requests, one after the other, until the deadline. */
    private static final class Loop extends SimpleChannelInboundHandler<FullHttpResponse> {
        record Shared(NettyHttp http, long deadline, boolean keepAlive, CountDownLatch done, AtomicLong requests,
                      AtomicLong failures, AtomicReference<String> first) {}

        private final Shared s;
        private boolean failed;

        Loop(Shared s) {
            this.s = s;
        }

        /** Opens the next connection (a new handler each, as a channel handler is not sharable) and sends a GET. */
        void connect() {
            Loop next = new Loop(s);
            s.http.connect(next).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    next.fail(f.cause());
                    next.closed();
                    return;
                }
                f.channel().closeFuture().addListener(c -> next.closed());
                f.channel().writeAndFlush(request(s.keepAlive));
            });
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (!response.status().equals(HttpResponseStatus.OK)) {
                fail(new IllegalStateException("status " + response.status()));
                ctx.close();
                return;
            }
            s.requests.incrementAndGet();
            if (s.keepAlive && System.nanoTime() < s.deadline) {
                ctx.writeAndFlush(request(true));
            } else {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause);
            ctx.close();
        }

        private void fail(Throwable cause) {
            if (!failed) {
                failed = true;
                s.failures.incrementAndGet();
                s.first.compareAndSet("", cause.toString());
            }
        }

        /** After a connection closed: the next one (new-connection mode, before the deadline) or done. */
        private void closed() {
            if (!s.keepAlive && !failed && System.nanoTime() < s.deadline) {
                connect();
            } else {
                s.done.countDown();
            }
        }
    }

    /** Answers every request with {@link #BODY}, keeping the connection open unless the request says close. */
    private static final class Hello extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            ByteBuf body = Unpooled.wrappedBuffer(BODY);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            HttpUtil.setContentLength(response, BODY.length);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
