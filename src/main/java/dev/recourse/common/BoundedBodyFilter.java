package dev.recourse.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@link RequestLimits#maxRequestBytes()}: a declared Content-Length over the cap
 * fails on the first read, and a chunked body fails as soon as it passes the cap, so the server never
 * buffers more than the cap. The failure is a {@link RecourseException}, answered as a 413
 * OperationOutcome by the FHIR endpoint like every other error.
 */
public class BoundedBodyFilter extends OncePerRequestFilter {
	private final long maxBytes;

	public BoundedBodyFilter(RequestLimits limits) {
		this.maxBytes = limits.maxRequestBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new BoundedRequest(request, maxBytes), response);
	}

	private static final class BoundedRequest extends HttpServletRequestWrapper {
		private final long maxBytes;
		private ServletInputStream stream;

		BoundedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new BoundedStream(super.getInputStream(), maxBytes, getContentLengthLong());
			}
			return stream;
		}
	}

	private static final class BoundedStream extends ServletInputStream {
		private final ServletInputStream delegate;
		private final long maxBytes;
		private final long declaredLength;
		private long read;

		BoundedStream(ServletInputStream delegate, long maxBytes, long declaredLength) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
			this.declaredLength = declaredLength;
		}

		@Override
		public int read() throws IOException {
			checkDeclaredLength();
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			checkDeclaredLength();
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void checkDeclaredLength() {
			if (declaredLength > maxBytes) {
				throw tooLarge("Content-Length " + declaredLength);
			}
		}

		private void count(int n) {
			read += n;
			if (read > maxBytes) {
				throw tooLarge("more than " + maxBytes + " bytes");
			}
		}

		private RecourseException tooLarge(String what) {
			return new RecourseException(
					RecourseError.TOO_LARGE,
					null,
					"Request body too large: " + what + " exceeds the limit of " + maxBytes + " bytes");
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
