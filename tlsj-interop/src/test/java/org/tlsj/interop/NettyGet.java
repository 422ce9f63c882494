package org.tlsj.interop;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/** A Netty 4.2 HTTPS client (NIO transport): one GET, answered when the whole response has arrived. */
final class NettyGet {
    private static final int MAX_CONTENT = 1024 * 1024;

    /**
     * What the client received.
     *
     * @param status the HTTP status code
     * @param body the body as ISO-8859-1 text
     * @param protocol the protocol of the client's SSLSession
     * @param cipherSuite the suite of the client's SSLSession
     * @param engineClass the class of the client's SSLEngine, to see whose TLS ran
     * @param applicationProtocol the protocol ALPN chose, or null without ALPN
     */
    record Response(int status, String body, String protocol, String cipherSuite, String engineClass,
                    String applicationProtocol) {}

    private NettyGet() {
    }

    /**
     * GETs {@code path} from 127.0.0.1:{@code port} as host "localhost" (the SNI name and the name checked
     * against the certificate) with an HTTP/1.0 request, so the server may end the body by closing.
     */
    static Response get(SslContext tls, int port, String path) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<Response> result = new CompletableFuture<>();
        AtomicReference<SslHandler> sslHandler = new AtomicReference<>();
        try {
            Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            sslHandler.set(tls.newHandler(c.alloc(), "localhost", port));
                            c.pipeline().addLast(sslHandler.get(), new HttpClientCodec(),
                                    new HttpObjectAggregator(MAX_CONTENT), new Collector(result));
                        }
                    }).connect("127.0.0.1", port).sync().channel();
            Future<Channel> handshake = sslHandler.get().handshakeFuture();
            if (!handshake.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no handshake within 20 s");
            }
            if (!handshake.isSuccess()) {
                throw new SSLException("the handshake failed: " + handshake.cause(), handshake.cause());
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, "localhost:" + port);
            ch.writeAndFlush(request);
            return result.get(20, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Completes the future with the first response, or with the first failure. */
    private static final class Collector extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<Response> result;

        Collector(CompletableFuture<Response> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            SSLSession s = ssl.engine().getSession();
            result.complete(new Response(response.status().code(),
                    response.content().toString(StandardCharsets.ISO_8859_1), s.getProtocol(), s.getCipherSuite(),
                    ssl.engine().getClass().getName(), ssl.applicationProtocol()));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new IllegalStateException("the connection closed before a whole response "
                    + "arrived"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }
    }
}
