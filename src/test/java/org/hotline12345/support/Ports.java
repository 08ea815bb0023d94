package org.hotline12345.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A TCP port nobody listens on, for servers the benchmarks start. */
public final class Ports {

    private Ports() {
    }

    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
