package dev.certreg.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The connections of {@code mqtt-connect}: each a mutual-TLS handshake with one device's certificate, a CONNECT, its
 * CONNACK and a DISCONNECT, with Netty's MQTT codec over one TLS context for every device. The HiveMQ client of the
 * other loads builds a TLS context per client, which cost the load generator more CPU per connection than the whole
 * admission costs the server, on the same two cores. One event loop thread: the generator takes no more of the
 * machine than it needs. Thread-safe.
 */
final class ConnectLoad implements AutoCloseable {
    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    private final String host;
    private final int port;
    private final SslContext tls;
    private final DeviceKeys keys;

    ConnectLoad(String host, int port, TrustManagerFactory trust, PrivateKey key, List<X509Certificate> devices)
            throws SSLException {
        this.host = host;
        this.port = port;
        this.keys = new DeviceKeys(key, devices);
        this.tls = SslContextBuilder.forClient().trustManager(trust).keyManager(keys).build();
    }

    /** Connects as device {@code device}: true once its CONNECT is accepted, false on any other outcome. */
    @SuppressWarnings("FutureReturnValueIgnored") // every outcome ends in the close, which completes the result
    CompletableFuture<Boolean> connect(int device) {
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TimeUnit.SECONDS.toMillis(30))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        SSLEngine engine = tls.newEngine(channel.alloc(), host, port);
                        keys.assign(engine, device);
                        SslHandler handshake = new SslHandler(engine);
                        handshake.handshakeFuture().addListener(done -> {
                            if (done.isSuccess()) {
                                channel.writeAndFlush(MqttMessageBuilders.connect().clientId("bench-" + device)
                                        .protocolVersion(MqttVersion.MQTT_3_1_1).cleanSession(true).keepAlive(60)
                                        .build()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                            }
                        });
                        channel.closeFuture().addListener(closed -> {
                            keys.release(engine);
                            accepted.complete(false);
                        });
                        channel.pipeline().addLast(handshake, MqttEncoder.INSTANCE, new MqttDecoder(),
                                new ConnAck(accepted));
                    }
                })
                .connect(host, port)
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        accepted.complete(false);
                    }
                });
        return accepted;
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Completes with whether the CONNACK accepted the CONNECT, then disconnects. */
    private static final class ConnAck extends SimpleChannelInboundHandler<MqttConnAckMessage> {
        private final CompletableFuture<Boolean> accepted;

        ConnAck(CompletableFuture<Boolean> accepted) {
            this.accepted = accepted;
        }

        @Override
        @SuppressWarnings("FutureReturnValueIgnored") // the close follows the write, whatever its outcome
        protected void channelRead0(ChannelHandlerContext ctx, MqttConnAckMessage ack) {
            accepted.complete(ack.variableHeader().connectReturnCode()
                    == MqttConnectReturnCode.CONNECTION_ACCEPTED);
            ctx.writeAndFlush(MqttMessage.DISCONNECT).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        @SuppressWarnings("FutureReturnValueIgnored") // the close completes the result
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Presents, on each handshake, the certificate of the device its engine was made for. Thread-safe. */
    private static final class DeviceKeys extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final List<X509Certificate> devices;
        private final Map<SSLEngine, Integer> byEngine = new ConcurrentHashMap<>();

        DeviceKeys(PrivateKey key, List<X509Certificate> devices) {
            this.key = key;
            this.devices = devices;
        }

        void assign(SSLEngine engine, int device) {
            byEngine.put(engine, device);
        }

        void release(SSLEngine engine) {
            byEngine.remove(engine);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            Integer device = byEngine.get(engine);
            return device == null ? null : device.toString();
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {devices.get(Integer.parseInt(alias))};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
