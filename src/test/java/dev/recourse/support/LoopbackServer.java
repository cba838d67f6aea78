package dev.recourse.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on 127.0.0.1, for the tests' stand-ins on the network (fake payer, fault proxy): it can close a
 * connection without answering, which a servlet container will not, and stop and listen again on the same port.
 */
public final class LoopbackServer {
	private LoopbackServer() {
	}

	/**
	 * @param port 0 for a random one, else the port it listened on before
	 * @param threads the name of its (daemon) handler threads
	 * @param handlers by context path
	 */
	public static HttpServer listen(int port, String threads, Map<String, HttpHandler> handlers) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		} catch (IOException e) {
			throw new IllegalStateException(threads + " cannot listen on port " + port, e);
		}
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, threads);
			thread.setDaemon(true);
			return thread;
		}));
		handlers.forEach(server::createContext);
		server.start();
		return server;
	}
}
