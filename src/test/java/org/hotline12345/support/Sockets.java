package org.hotline12345.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** WebSocket clients of the service, signed in as a demo user. */
public final class Sockets {

    private Sockets() {
    }

    /** The {@code ws:} address of an endpoint the test got as an {@code http:} URI. */
    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** Opens {@code endpoint} as {@code username}; every text message it receives is added to {@code received}. */
    public static Session open(URI endpoint, String username, BlockingQueue<String> received) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
                                (username + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))));
                    }
                }).build();
        return ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig endpointConfig) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            }
        }, config, ws(endpoint));
    }
}
